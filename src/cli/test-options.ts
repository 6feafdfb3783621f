import { InvalidArgumentError, Option, type Command } from 'commander';
import { MODEL_NAMES, isModelName } from '../../checkers/transactional/consistency-models.js';
import { FaultlineError } from '../core/errors.js';
import type { System, SystemOption } from '../core/system.js';
import { flagName, parseSystemOptions, takesValue } from '../sdk/index.js';
import { PARTITION_MODES } from '../../nemesis/grudge.js';
import { PROCESS_TARGETS } from '../../nemesis/targets.js';
import { packetLossFlags, type PacketLossOptions } from '../../nemesis/packet-loss-options.js';
import { positiveInteger, positiveSeconds } from './option-parsers.js';

/** The workload flags `test` and `test-all` share: they configure the workload's checks. */
export interface WorkloadFlags {
  sequential?: boolean;
  consistencyModel?: string;
}

/** The run flags `test` and `test-all` share: cluster size, load, schedule and store. */
export interface RunFlags {
  partition?: string;
  faultTargets?: string;
  packetLoss?: string;
  packetLink?: string;
  clockMonotonic?: boolean;
  nodes: number;
  concurrency?: number;
  timeLimit: number;
  rate: number;
  seed?: number;
  nemesisInterval: number;
  store: string;
}

/** Where `test` and `test-all` differ in their run flags: defaults and what the seed means. */
export interface RunDefaults {
  nodes: number;
  timeLimit: number;
  rate: number;
  nemesisInterval: number;
  seedHelp: string;
  /** How `--nodes` is read; `test` also takes SSH hosts there (default: a positive count). */
  nodesFlag?: { flags: string; help: string; parse: (text: string) => number | string };
}

/** Commander parser for a seed: a non-negative integer. */
export function seedNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError('It must be a non-negative integer, e.g. 1.');
  }
  return n;
}

/** Declares the common run flags once, for every command that runs tests. */
export function addRunOptions(command: Command, defaults: RunDefaults): Command {
  return command
    .option('--partition <modes>', `partition modes to draw from (${PARTITION_MODES.join(', ')})`)
    .option(
      '--fault-targets <targets>',
      `kill, pause, fs and packet faults: node targets to draw from (${PROCESS_TARGETS.join(', ')}; primary: kill and pause only, the node the system names as primary, e.g. etcd's lock holder)`,
    )
    .option(
      '--packet-loss <p>',
      'packet: chance of dropping each packet on a lossy link, each way (default 0.1)',
    )
    .option('--packet-link <a,b>', 'packet: make only the link between these two nodes lossy')
    .option('--clock-monotonic', 'clock: skew CLOCK_MONOTONIC too (ptrace mechanism; default realtime only)')
    .option(
      defaults.nodesFlag?.flags ?? '--nodes <n>',
      defaults.nodesFlag?.help ?? 'cluster size',
      defaults.nodesFlag?.parse ?? positiveInteger,
      defaults.nodes,
    )
    .option(
      '--concurrency <n>',
      'client workers, bound to nodes round robin (default 2 per node)',
      positiveInteger,
    )
    .option('--time-limit <seconds>', 'how long to run the workload', positiveSeconds, defaults.timeLimit)
    .option('--rate <ops/s>', 'target client ops per second over all workers', positiveSeconds, defaults.rate)
    .option('--seed <n>', defaults.seedHelp, seedNumber)
    .option(
      '--nemesis-interval <seconds>',
      'seconds between a fault starting and stopping',
      positiveSeconds,
      defaults.nemesisInterval,
    )
    .option('--store <dir>', 'where runs are stored', 'store');
}

/** Declares the workload flags. */
export function addWorkloadOptions(command: Command): Command {
  return command
    .option('--sequential', 'register: also check sequential consistency, beside linearizability')
    .option(
      '--consistency-model <model>',
      'list-append, rw-register: check against this model instead of the one the system promises',
    );
}

/** Rejects an unknown --consistency-model before anything starts. */
export function validateWorkloadFlags(flags: WorkloadFlags): void {
  if (flags.consistencyModel !== undefined && !isModelName(flags.consistencyModel)) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--consistency-model ${flags.consistencyModel} is not a model faultline knows.`,
      { hint: `Use one of: ${MODEL_NAMES.join(', ')}.` },
    );
  }
}

/** The long flags a command declares now (what no system option may take). */
export function declaredFlags(command: Command): string[] {
  return command.options.flatMap((o) => (o.long ? [o.long] : []));
}

/**
 * Adds every system's own options to `command`, one flag per name; a flag several systems share
 * (e.g. a level option of two SQL systems) lists them all in its help. A system whose option takes a value where another's
 * is a switch (or the reverse) is a BAD_PLUGIN.
 */
export function addSystemOptions(command: Command, systems: readonly System[]): void {
  const byFlag = new Map<string, { option: SystemOption; systems: string[] }>();
  for (const system of systems) {
    for (const option of system.options ?? []) {
      const name = flagName(option);
      const seen = byFlag.get(name);
      if (seen && takesValue(seen.option) !== takesValue(option)) {
        throw new FaultlineError(
          'BAD_PLUGIN',
          `System ${system.name}: option ${option.flag} clashes with ${seen.systems.join(', ')}'s ${seen.option.flag}.`,
          { hint: 'Use the same form (switch or <value>), or another flag name.' },
        );
      }
      if (seen) seen.systems.push(system.name);
      else byFlag.set(name, { option, systems: [system.name] });
    }
  }
  const present = new Set(declaredFlags(command));
  for (const [name, { option, systems: owners }] of byFlag) {
    const existing = command.options.find((o) => o.long === name);
    if (existing) {
      existing.description = `${owners.join(', ')}: ${option.help}`;
      continue;
    }
    if (present.has(name)) continue;
    command.addOption(new Option(option.flag, `${owners.join(', ')}: ${option.help}`));
  }
}

/** Commander's attribute for a flag: `--my-mode` -> `myMode`. */
function attributeOf(option: Pick<SystemOption, 'flag'>): string {
  return new Option(option.flag).attributeName();
}

/**
 * SystemContext.options of `system` from the parsed flags (choices, parse and defaults applied).
 * A flag of another system that this one does not declare is a BAD_ARGUMENT.
 */
export function systemOptionsFrom(
  system: System,
  flags: Readonly<Record<string, unknown>>,
  allSystems: readonly System[],
): Record<string, unknown> {
  const own = new Set((system.options ?? []).map(flagName));
  for (const other of allSystems) {
    for (const option of other.options ?? []) {
      if (!own.has(flagName(option)) && flags[attributeOf(option)] !== undefined) {
        throw new FaultlineError(
          'BAD_ARGUMENT',
          `${flagName(option)} is an option of ${other.name}, not of ${system.name}.`,
          {
            hint: `${system.name}'s options: ${(system.options ?? []).map(flagName).join(', ') || 'none'} (see faultline systems).`,
          },
        );
      }
    }
  }
  const raw: Record<string, string | boolean | undefined> = {};
  for (const option of system.options ?? []) {
    raw[option.key] = flags[attributeOf(option)] as string | boolean | undefined;
  }
  return parseSystemOptions(system, raw);
}

/** TestSpec.workloadOptions: the workload flags and the models the system's configuration promises. */
export function workloadOptionsOf(
  flags: WorkloadFlags,
  system: System,
  systemOptions: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const promise = system.promises?.(systemOptions);
  const promised = promise?.transactions;
  return {
    sequential: flags.sequential ?? false,
    ...(promised ? { promisedModel: promised } : {}),
    ...(promise?.objects ? { promisedObjects: promise.objects } : {}),
    ...(promise?.delivery ? { delivery: promise.delivery } : {}),
    ...(flags.consistencyModel ? { consistencyModel: flags.consistencyModel } : {}),
  };
}

/** nemesisPackage's `packet` option from --packet-loss and --packet-link, checked before anything starts. */
export function packetOptionsOf(
  flags: Pick<RunFlags, 'packetLoss' | 'packetLink'>,
  kinds: readonly string[],
): PacketLossOptions | undefined {
  return packetLossFlags(flags.packetLoss, flags.packetLink, kinds.includes('packet'));
}

/** nemesisPackage's `clock` option from --clock-monotonic; refused for a run without the clock fault. */
export function clockOptionsOf(
  flags: Pick<RunFlags, 'clockMonotonic'>,
  kinds: readonly string[],
): { monotonic: true } | undefined {
  if (flags.clockMonotonic !== true) return undefined;
  if (!kinds.includes('clock')) {
    throw new FaultlineError('BAD_ARGUMENT', '--clock-monotonic only applies to the clock fault.', {
      hint: 'Add clock to --nemesis (e.g. --nemesis clock --clock-monotonic), or drop the flag.',
    });
  }
  return { monotonic: true };
}
