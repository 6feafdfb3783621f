import type { Command } from 'commander';
import type { System } from '../../core/system.js';
import { loadSystemRegistry, type RegisteredSystem } from '../plugins/system-registry.js';
import { workloads } from '../registries.js';
import { RESERVED_TEST_FLAGS } from '../reserved-flags.js';

/** Workloads a system has a client for and the CLI knows. */
export function supportedWorkloads(system: System): string[] {
  return Object.keys(system.clients).filter((w) => Object.hasOwn(workloads, w));
}

/**
 * Nemesis kinds that make sense for a system: partitions and packet loss always, process faults when it supports
 * them, file-system faults when it declares its storage (lose-unfsynced only for configurations that
 * fsync what they acknowledge: see `storage.notDurable`).
 */
export function supportedNemeses(system: System): string[] {
  return [
    'partition',
    'packet',
    ...(system.killable ? ['kill'] : []),
    ...(system.pausable ? ['pause'] : []),
    ...(system.process ? ['clock'] : []),
    ...(system.storage && system.killable && system.storage.notDurable?.({}) === undefined
      ? ['lose-unfsynced']
      : []),
    ...(system.storage && system.killable && system.storage.corruptible.length > 0 ? ['corrupt'] : []),
  ];
}

/** The system's options as its declared defaults give them. */
function defaultOptions(system: System): Record<string, unknown> {
  return Object.fromEntries(
    (system.options ?? []).flatMap((o) => (o.default === undefined ? [] : [[o.key, o.default]])),
  );
}

function promiseLine(system: System): string | undefined {
  const p = system.promises?.(defaultOptions(system));
  if (!p) return undefined;
  const models = [
    p.objects && `objects ${p.objects}`,
    p.transactions && `transactions ${p.transactions}`,
    p.delivery && `queues ${p.delivery}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${models || 'no model'}${p.note ? ` (${p.note})` : ''}`;
}

/** The text `faultline systems` prints: each system, where it comes from, its workloads, nemeses, options and promise. */
export function describeSystems(registered: readonly RegisteredSystem[]): string {
  const out: string[] = [];
  for (const { system, source } of registered) {
    out.push(`${system.name}  ${system.description}${source === 'built-in' ? '' : `  [plugin ${source}]`}`);
    out.push(`  workloads: ${supportedWorkloads(system).join(', ')}`);
    out.push(
      `  nemeses:   ${supportedNemeses(system).join(', ')}${system.primaries ? ' (partition --partition primary isolates its primary)' : ''}`,
    );
    const notDurable = system.storage?.notDurable?.(defaultOptions(system));
    if (notDurable !== undefined) out.push(`  lose-unfsynced is not offered by default: it ${notDurable}`);
    const promise = promiseLine(system);
    if (promise) out.push(`  promises:  ${promise} by default`);
    const options = system.options ?? [];
    if (options.length > 0) {
      out.push('  options:');
      const width = Math.max(...options.map((o) => o.flag.length));
      for (const o of options) out.push(`    ${o.flag.padEnd(width)}  ${o.help}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** One entry per distinct system, built-ins first. */
export function registeredList(registry: Map<string, RegisteredSystem>): RegisteredSystem[] {
  const seen = new Set<System>();
  return [...registry.values()].filter((r) => !seen.has(r.system) && seen.add(r.system));
}

/** `faultline systems`: list the databases faultline can test, with their workloads, nemeses and options. */
export function addSystemsCommand(program: Command): void {
  program
    .command('systems')
    .description(
      'List the databases faultline can test (built-in, from faultline.config.*, or plugins named here), with their workloads, nemeses and options.',
    )
    .argument('[plugins...]', 'plugin files or packages to list too, e.g. ./my-db.ts')
    .addHelpText(
      'after',
      `
Examples:
  $ faultline systems
  $ faultline systems ./my-db.ts
  $ faultline test ./my-db.ts --nemesis partition,kill`,
    )
    .action(async (plugins: string[]) => {
      const options = { workloads: Object.keys(workloads), reservedFlags: RESERVED_TEST_FLAGS };
      const registry = await loadSystemRegistry(options);
      for (const spec of plugins) {
        for (const [k, v] of await loadSystemRegistry(options, spec))
          if (!registry.has(k)) registry.set(k, v);
      }
      process.stdout.write(describeSystems(registeredList(registry)));
    });
}
