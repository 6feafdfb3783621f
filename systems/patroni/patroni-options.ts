import {
  FaultlineError,
  type ConsistencyPromise,
  type SystemOption,
  isolationOption,
  type IsolationLevel,
  parseIsolation,
} from '../../src/sdk/index.js';

/** Patroni's synchronous replication: off, on (`synchronous_mode`), strict (`synchronous_mode_strict` too). */
export const SYNCHRONOUS_MODES = ['off', 'on', 'strict'] as const;
export type SynchronousMode = (typeof SYNCHRONOUS_MODES)[number];

/** Which daemon the kill and pause faults hit on a node. */
export const FAULT_PROCESSES = ['postgres', 'patroni'] as const;
export type FaultProcess = (typeof FAULT_PROCESSES)[number];

/** Patroni's default maximum_lag_on_failover: 1 MiB of WAL. */
export const DEFAULT_MAX_LAG = 1_048_576;

export interface PatroniOptions {
  isolation: IsolationLevel;
  synchronousMode: SynchronousMode;
  /** Bytes of WAL a replica may lag and still be promoted. */
  maximumLagOnFailover: number;
  faultProcess: FaultProcess;
}

/** Parses `--maximum-lag-on-failover` text: a non-negative integer number of bytes. */
function parseBytes(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) {
    throw new FaultlineError('BAD_ARGUMENT', `--maximum-lag-on-failover ${text} is not a number of bytes.`, {
      hint: 'Give a whole number of bytes, e.g. --maximum-lag-on-failover 1048576 (Patroni’s default).',
    });
  }
  return n;
}

/** Patroni's own `faultline test` options. */
export const patroniOptions: readonly SystemOption[] = [
  isolationOption,
  {
    key: 'synchronousMode',
    flag: '--synchronous-mode <mode>',
    help: 'off (default) | on | strict: Patroni synchronous_mode (strict: synchronous_mode_strict, no writes without a sync standby)',
    choices: SYNCHRONOUS_MODES,
    default: 'off',
  },
  {
    key: 'maximumLagOnFailover',
    flag: '--maximum-lag-on-failover <bytes>',
    help: `WAL bytes a replica may lag and still be promoted (Patroni maximum_lag_on_failover, default ${DEFAULT_MAX_LAG})`,
    default: DEFAULT_MAX_LAG,
    parse: parseBytes,
  },
  {
    key: 'faultProcess',
    flag: '--fault-process <daemon>',
    help: 'postgres (default) | patroni: the daemon the kill and pause faults hit (the other keeps running)',
    choices: FAULT_PROCESSES,
    default: 'postgres',
  },
];

/** Validates the suite's options from `ctx.options`; BAD_ARGUMENT naming the option otherwise. */
export function parsePatroniOptions(options: Readonly<Record<string, unknown>>): PatroniOptions {
  const synchronousMode = options['synchronousMode'] ?? 'off';
  if (!(SYNCHRONOUS_MODES as readonly unknown[]).includes(synchronousMode)) {
    throw new FaultlineError('BAD_ARGUMENT', `--synchronous-mode ${String(synchronousMode)} is not valid.`, {
      hint: `Use one of: ${SYNCHRONOUS_MODES.join(', ')}.`,
    });
  }
  const lag = options['maximumLagOnFailover'] ?? DEFAULT_MAX_LAG;
  const maximumLagOnFailover = typeof lag === 'string' ? parseBytes(lag) : lag;
  if (
    typeof maximumLagOnFailover !== 'number' ||
    !Number.isSafeInteger(maximumLagOnFailover) ||
    maximumLagOnFailover < 0
  ) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--maximum-lag-on-failover ${String(lag)} is not a number of bytes.`,
      {
        hint: 'Give a whole number of bytes, e.g. --maximum-lag-on-failover 1048576.',
      },
    );
  }
  const faultProcess = options['faultProcess'] ?? 'postgres';
  if (!(FAULT_PROCESSES as readonly unknown[]).includes(faultProcess)) {
    throw new FaultlineError('BAD_ARGUMENT', `--fault-process ${String(faultProcess)} is not valid.`, {
      hint: `Use one of: ${FAULT_PROCESSES.join(', ')}.`,
    });
  }
  return {
    isolation: parseIsolation(options),
    synchronousMode: synchronousMode as SynchronousMode,
    maximumLagOnFailover,
    faultProcess: faultProcess as FaultProcess,
  };
}

/**
 * What the configuration promises: the isolation level as PostgreSQL defines it, on whichever node
 * is primary. Failover itself is promised no loss only in strict synchronous mode, which the set
 * workload checks either way (an acknowledged row lost is reported, not excused).
 */
export function patroniPromises(options: Readonly<Record<string, unknown>>): ConsistencyPromise {
  const { isolation } = parsePatroniOptions(options);
  const transactions = isolation === 'repeatable-read' ? 'snapshot-isolation' : isolation;
  return {
    transactions,
    note: `PostgreSQL manual, Transaction Isolation: ${isolation} is ${transactions}; clients follow Patroni's primary`,
  };
}
