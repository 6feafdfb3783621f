import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { FaultlineError } from '../../core/errors.js';
import type { Verdict } from '../../core/verdict.js';
import { nodeNames } from '../../control/docker-cluster.js';
import { runSuite, type SuiteRow, type SuiteSpec } from '../../runner/run-suite.js';
import { nemesisKinds, nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { PARTITION_MODES, type PartitionMode } from '../../../nemesis/grudge.js';
import { PROCESS_TARGETS, type ProcessTarget } from '../../../nemesis/targets.js';
import { positiveInteger } from '../option-parsers.js';
import { workloads, type WorkloadName } from '../registries.js';
import { withSystemOptions } from '../system-loading.js';
import {
  addRunOptions,
  addWorkloadOptions,
  clockOptionsOf,
  packetOptionsOf,
  systemOptionsFrom,
  validateWorkloadFlags,
  workloadOptionsOf,
  type RunFlags,
  type WorkloadFlags,
} from '../test-options.js';
import { supportedNemeses, supportedWorkloads } from './systems.js';

interface TestAllFlags extends WorkloadFlags, RunFlags {
  workloads?: string;
  nemeses?: string;
  testCount: number;
}

/** Faults test-all runs only when --nemeses names them: clocks (libfaketime reaches few binaries), the file-system faults (an extra image layer and FUSE privileges) and packet loss (mostly slows a run down). */
const OPT_IN_NEMESES: readonly string[] = ['clock', 'lose-unfsynced', 'corrupt', 'packet'];

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function pick<T extends string>(option: string, values: readonly string[], allowed: readonly T[]): T[] {
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v)) {
      throw new FaultlineError('BAD_ARGUMENT', `${option} ${v} is not available here.`, {
        hint: `Use some of: ${allowed.join(', ')}.`,
      });
    }
  }
  return values as T[];
}

const word = (v: Verdict | undefined, status: string): string =>
  v === true ? 'valid' : v === false ? 'INVALID' : v === 'unknown' ? 'unknown' : status;

/** The summary table test-all prints: test, verdict, ops and anomalies per run. */
export function formatSuiteTable(rows: readonly SuiteRow[]): string {
  const cells = [['test', 'verdict', 'ops (ok/fail/info)', 'anomalies']].concat(
    rows.map((r) => [
      r.test,
      word(r.verdict, r.status),
      `${r.ops.ok}/${r.ops.fail}/${r.ops.info}`,
      r.anomalies || '-',
    ]),
  );
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return (
    cells.map((c) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join('  ')).join('\n') +
    '\n'
  );
}

/** `faultline test-all <system>`: every supported workload x nemesis, N times each, as one suite. */
export function addTestAllCommand(program: Command): void {
  const command = program
    .command('test-all')
    .description(
      'Run every supported workload x nemesis combination of a system (N times each) as one suite.',
    )
    .argument('<system>', 'a system name (faultline systems), a plugin file ./my-db.ts, or a plugin package')
    .option('--workloads <names>', 'comma-separated workloads (default: all the system supports)')
    .option(
      '--nemeses <kinds>',
      'comma-separated nemeses, each its own test; none, or a+b to combine (default: none and each supported kind)',
    )
    .option('--test-count <n>', 'runs of each combination', positiveInteger, 1);
  addRunOptions(command, {
    nodes: 3,
    timeLimit: 30,
    rate: 100,
    nemesisInterval: 5,
    seedHelp: 'seed of the first test; the i-th test uses seed + i (default: random)',
  });
  addWorkloadOptions(command);
  const systems = withSystemOptions(program, command);
  command
    .addHelpText(
      'after',
      `
The suite is stored in <store>/<system>-suite/<timestamp>/ with index.json, junit.xml and one
directory per run; \`faultline serve\` shows it as one suite. Exit code: the worst verdict
(1 invalid > 2 unknown > 0 valid), 255 when a run crashed.

Examples:
  $ faultline test-all <system> --nodes 1 --nemeses none,kill --time-limit 20
  $ faultline test-all <system> --nodes 3 --nemeses partition --partition primary --test-count 3
  $ faultline test-all ./my-db.ts --workloads register --nemeses partition,kill`,
    )
    .action(async (spec: string, flags: TestAllFlags) => {
      const { system } = systems.get(spec);
      const supported = supportedWorkloads(system) as WorkloadName[];
      const chosenWorkloads = flags.workloads
        ? pick('--workloads', list(flags.workloads), supported)
        : supported;
      const nemesisSpecs = flags.nemeses
        ? list(flags.nemeses)
        : ['none', ...supportedNemeses(system).filter((k) => !OPT_IN_NEMESES.includes(k))];
      for (const spec of nemesisSpecs)
        if (spec !== 'none') pick('--nemeses', spec.split('+'), Object.keys(nemesisKinds));
      const targets = flags.faultTargets
        ? pick('--fault-targets', list(flags.faultTargets), PROCESS_TARGETS as readonly ProcessTarget[])
        : undefined;
      const partitionModes = flags.partition
        ? pick('--partition', list(flags.partition), PARTITION_MODES as readonly PartitionMode[])
        : undefined;
      const allKinds = nemesisSpecs.flatMap((s) => s.split('+'));
      const packet = packetOptionsOf(flags, allKinds);
      const clock = clockOptionsOf(flags, allKinds);
      validateWorkloadFlags(flags);
      const systemOptions = systemOptionsFrom(
        system,
        flags as unknown as Record<string, unknown>,
        systems.all(),
      );
      system.validate?.(systemOptions, flags.nodes);
      const baseSeed = flags.seed ?? randomInt(1, 2 ** 30);
      const tests: SuiteSpec['tests'][number][] = [];
      for (const workloadName of chosenWorkloads) {
        for (const nemesisSpec of nemesisSpecs) {
          for (let n = 0; n < flags.testCount; n++) {
            const kinds = nemesisSpec === 'none' ? [] : nemesisSpec.split('+');
            const nemesis =
              kinds.length === 0
                ? undefined
                : nemesisPackage(kinds, {
                    nodes: nodeNames(flags.nodes),
                    ...(partitionModes ? { partitionModes } : {}),
                    ...(targets ? { targets } : {}),
                    ...(packet ? { packet } : {}),
                    ...(clock ? { clock } : {}),
                  });
            tests.push({
              name: `${system.name}-${workloadName}-${nemesisSpec}${flags.testCount > 1 ? `-${n + 1}` : ''}`,
              system,
              workload: workloads[workloadName],
              ...(nemesis ? { nemesis } : {}),
              nodes: flags.nodes,
              concurrency: flags.concurrency ?? 2 * flags.nodes,
              timeLimitS: flags.timeLimit,
              rate: flags.rate,
              seed: baseSeed + tests.length,
              nemesisIntervalS: flags.nemesisInterval,
              systemOptions,
              workloadOptions: workloadOptionsOf(flags, system, systemOptions),
              command: ['faultline', ...process.argv.slice(2)],
            });
          }
        }
      }
      const outcome = await runSuite({
        name: `${system.name}-suite`,
        storeDir: flags.store,
        tests,
        meta: { system: system.name, baseSeed },
        command: ['faultline', ...process.argv.slice(2)],
        onTestStart: (t) => process.stderr.write(`\n== ${t.name} (seed ${t.seed})\n`),
      });
      process.stdout.write('\n' + formatSuiteTable(outcome.rows));
      process.stdout.write(
        `suite verdict: ${word(outcome.verdict, 'unknown')} (${outcome.rows.length} tests)\nsuite directory: ${outcome.dir}\n`,
      );
      process.exitCode = outcome.exitCode;
    });
}
