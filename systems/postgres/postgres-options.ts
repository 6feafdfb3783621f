import { FaultlineError } from '../../src/core/errors.js';
import type { ConsistencyPromise, SystemOption } from '../../src/sdk/index.js';
import { isolationOption } from '../common/isolation-option.js';
import type { IsolationLevel } from '../common/isolation.js';
import { parseIsolation } from '../common/isolation.js';

export interface PostgresOptions {
  isolation: IsolationLevel;
  /** `replicas`: read-only transactions of a worker bound to a replica run on that replica. */
  reads: 'primary' | 'replicas';
}

/** PostgreSQL's own `faultline test` options. */
export const postgresOptions: readonly SystemOption[] = [
  isolationOption,
  {
    key: 'reads',
    flag: '--reads <where>',
    help: 'primary (default) | replicas: run read-only transactions on the streaming replica a worker is bound to',
    choices: ['primary', 'replicas'],
    default: 'primary',
  },
];

/**
 * What each isolation level promises. PostgreSQL's REPEATABLE READ is snapshot isolation (its
 * manual, "Transaction Isolation", says so), and SERIALIZABLE is serializable (SSI).
 */
export function postgresPromises(options: Readonly<Record<string, unknown>>): ConsistencyPromise {
  const { isolation } = parsePostgresOptions(options);
  const transactions = isolation === 'repeatable-read' ? 'snapshot-isolation' : isolation;
  return { transactions, note: `PostgreSQL manual, Transaction Isolation: ${isolation} is ${transactions}` };
}

/** Validates the suite's options from `ctx.options`. */
export function parsePostgresOptions(options: Readonly<Record<string, unknown>>): PostgresOptions {
  const reads = options['reads'] ?? 'primary';
  if (reads !== 'primary' && reads !== 'replicas') {
    throw new FaultlineError('BAD_ARGUMENT', `--reads ${String(reads)} is not valid for postgres.`, {
      hint: 'Use --reads primary or --reads replicas.',
    });
  }
  return { isolation: parseIsolation(options), reads };
}
