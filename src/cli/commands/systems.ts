import type { Command } from 'commander';
import type { System } from '../../core/system.js';
import { systems, workloads } from '../registries.js';

/** Workloads a system has a client for and the CLI knows. */
export function supportedWorkloads(system: System): string[] {
  return Object.keys(system.clients).filter((w) => Object.hasOwn(workloads, w));
}

/**
 * Nemesis kinds that make sense for a system: partitions always, process faults when it supports
 * them, file-system faults when it declares its storage (lose-unfsynced only for configurations that
 * fsync what they acknowledge: see `storage.notDurable`).
 */
export function supportedNemeses(system: System): string[] {
  return [
    'partition',
    ...(system.killable ? ['kill'] : []),
    ...(system.pausable ? ['pause'] : []),
    ...(system.process ? ['clock'] : []),
    ...(system.storage && system.killable && system.storage.notDurable?.({}) === undefined
      ? ['lose-unfsynced']
      : []),
    ...(system.storage && system.killable && system.storage.corruptible.length > 0 ? ['corrupt'] : []),
  ];
}

/** The text `faultline systems` prints: each system, its workloads, nemeses and options. */
export function describeSystems(): string {
  const out: string[] = [];
  for (const [name, system] of Object.entries(systems) as [string, System][]) {
    out.push(`${name}  ${system.description}`);
    out.push(`  workloads: ${supportedWorkloads(system).join(', ')}`);
    out.push(
      `  nemeses:   ${supportedNemeses(system).join(', ')}${system.primaries ? ' (partition --partition primary isolates its primary)' : ''}`,
    );
    const options = Object.entries(system.options ?? {});
    if (options.length > 0) {
      out.push('  options:');
      const width = Math.max(...options.map(([flag]) => flag.length));
      for (const [flag, what] of options) out.push(`    ${flag.padEnd(width)}  ${what}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** `faultline systems`: list the databases faultline can test, with their workloads, nemeses and options. */
export function addSystemsCommand(program: Command): void {
  program
    .command('systems')
    .description('List the databases faultline can test, with their workloads, nemeses and options.')
    .addHelpText(
      'after',
      `
Examples:
  $ faultline systems
  $ faultline test postgres --nodes 1 --workload list-append --isolation serializable --nemesis kill
  $ faultline test-all redis --nodes 3 --test-count 2`,
    )
    .action(() => {
      process.stdout.write(describeSystems());
    });
}
