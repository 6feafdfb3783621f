import { dirname } from 'node:path';
import { FaultlineError } from '../../core/errors.js';
import type { System } from '../../core/system.js';
import { checkSystem } from '../../sdk/index.js';
import { builtinSystems } from '../../../systems/builtin-systems.js';
import { findConfig } from './find-config.js';
import { loadPlugin } from './load-plugin.js';
import { isPathSpec } from './resolve-plugin.js';

/** A system the CLI can run, and where it came from. */
export interface RegisteredSystem {
  system: System;
  /** `built-in`, or the plugin spec as given. */
  source: string;
}

/** What loading checks every system against. */
export interface RegistryOptions {
  /** Workload names the CLI knows. */
  workloads: readonly string[];
  /** Flags the CLI declares itself, which no system option may take. */
  reservedFlags: readonly string[];
  /** Where faultline.config.* is looked for and relative plugin paths start (default: cwd). */
  cwd?: string;
}

/**
 * The systems by name: the built-ins, the config's plugins, then `spec` (a path or package) when
 * it names none of them. Every one goes through the same check, built-ins included.
 */
export async function loadSystemRegistry(
  options: RegistryOptions,
  spec?: string,
): Promise<Map<string, RegisteredSystem>> {
  const cwd = options.cwd ?? process.cwd();
  const check = { workloads: options.workloads, reservedFlags: options.reservedFlags };
  const registry = new Map<string, RegisteredSystem>();
  const add = (system: System, source: string): void => {
    const clash = registry.get(system.name);
    if (clash) {
      throw new FaultlineError(
        'BAD_PLUGIN',
        `System plugin ${source}: its name ${system.name} is taken by ${clash.source === 'built-in' ? 'a built-in system' : clash.source}.`,
        { hint: 'Give the plugin another name.' },
      );
    }
    registry.set(system.name, { system, source });
  };
  for (const system of builtinSystems) add(checkSystem(system, { ...check, source: 'built-in' }), 'built-in');
  const found = await findConfig(cwd);
  for (const entry of found?.config.systems ?? []) {
    add(await loadPlugin(entry, dirname(found!.file), check), entry);
  }
  if (spec !== undefined && (isPathSpec(spec) || !registry.has(spec))) {
    const system = await loadPlugin(spec, cwd, check).catch((e: unknown) => {
      if (!(e instanceof FaultlineError) || isPathSpec(spec) || !/^Unknown system/.test(e.message)) throw e;
      const known = [...new Set([...registry.values()].map((r) => r.system.name))].join(', ');
      throw new FaultlineError('BAD_ARGUMENT', `${e.message} Known systems: ${known}.`, {
        ...(e.hint ? { hint: e.hint } : {}),
      });
    });
    const known = [...registry.values()].find((r) => r.source === spec);
    if (!known) add(system, spec);
    registry.set(spec, { system: known?.system ?? system, source: spec });
  }
  return registry;
}
