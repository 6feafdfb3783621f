import type { Command } from 'commander';

/** One CLI command as the top-level help lists it, and how to load its full declaration. */
export interface CommandEntry {
  /** The word after `faultline`. */
  name: string;
  /** How `faultline --help` lists it, e.g. `check [options] <file>`: the real command's term. */
  term: string;
  /** Its description, the same text the real command declares. */
  summary: string;
  /** Loads the module that declares it (and only then its imports: Docker, checkers, reports). */
  load(): Promise<(program: Command) => void>;
}

/**
 * Every command, in help order. `faultline <name>` loads only `<name>`'s module; the others appear as
 * their term and summary. test/unit/cli/command-table.test.ts checks each entry against its module.
 */
export const commandTable: readonly CommandEntry[] = [
  {
    name: 'check',
    term: 'check [options] <file>',
    summary:
      'Check a recorded history (faultline JSONL or Jepsen/Knossos EDN) for a consistency model: linearizability by default.',
    load: async () => (await import('./commands/check.js')).addCheckCommand,
  },
  {
    name: 'test',
    term: 'test [options] <system>',
    summary:
      'Run a workload against a Docker cluster of a database while a nemesis injects faults; check it.',
    load: async () => (await import('./commands/test.js')).addTestCommand,
  },
  {
    name: 'test-all',
    term: 'test-all [options] <system>',
    summary: 'Run every supported workload x nemesis combination of a system (N times each) as one suite.',
    load: async () => (await import('./commands/test-all.js')).addTestAllCommand,
  },
  {
    name: 'systems',
    term: 'systems [plugins...]',
    summary:
      'List the databases faultline can test (built-in, from faultline.config.*, or plugins named here), with their workloads, nemeses and options.',
    load: async () => (await import('./commands/systems.js')).addSystemsCommand,
  },
  {
    name: 'analyze',
    term: 'analyze <run-dir>',
    summary: 'Check a stored run again from its history.jsonl and test.json, and rewrite its reports.',
    load: async () => (await import('./commands/analyze.js')).addAnalyzeCommand,
  },
  {
    name: 'clean',
    term: 'clean [options]',
    summary:
      'Remove faultline containers and networks left by runs whose process is gone (by label); with --ssh, what faultline left on your hosts.',
    load: async () => (await import('./commands/clean.js')).addCleanCommand,
  },
  {
    name: 'serve',
    term: 'serve [options]',
    summary: 'Browse stored runs and their reports: a table of every run, newest first, filterable.',
    load: async () => (await import('./commands/serve.js')).addServeCommand,
  },
  {
    name: 'new',
    term: 'new',
    summary: 'Create a starting point: `faultline new system <name>`.',
    load: async () => (await import('./commands/new.js')).addNewCommand,
  },
];
