import { FaultlineError } from '../../src/core/errors.js';
import type { IsolationLevel } from '../common/isolation.js';
import { parseIsolation } from '../common/isolation.js';

export interface PostgresOptions {
  isolation: IsolationLevel;
  /** `replicas`: read-only transactions of a worker bound to a replica run on that replica. */
  reads: 'primary' | 'replicas';
}

/** The PostgreSQL suite's options, as the CLI documents them. */
export const postgresOptionDocs = {
  isolation: 'read-committed | repeatable-read | serializable (default): the level of every transaction',
  reads:
    'primary (default) | replicas: run read-only transactions on the streaming replica a worker is bound to',
} as const;

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
