import { FaultlineError } from '../../core/errors.js';

/** The SQL isolation levels the SQL suites accept as `--isolation`. */
export const ISOLATION_LEVELS = ['read-committed', 'repeatable-read', 'serializable'] as const;
export type IsolationLevel = (typeof ISOLATION_LEVELS)[number];

/** Reads `options.isolation` (default serializable); anything else is BAD_ARGUMENT naming the choices. */
export function parseIsolation(options: Readonly<Record<string, unknown>>): IsolationLevel {
  const v = options['isolation'] ?? 'serializable';
  if (typeof v === 'string' && (ISOLATION_LEVELS as readonly string[]).includes(v))
    return v as IsolationLevel;
  throw new FaultlineError('BAD_ARGUMENT', `--isolation ${String(v)} is not a level faultline knows.`, {
    hint: `Use one of: ${ISOLATION_LEVELS.join(', ')}.`,
  });
}

/** The level as SQL spells it, for `BEGIN ISOLATION LEVEL` / `SET TRANSACTION ISOLATION LEVEL`. */
export function isolationSql(level: IsolationLevel): string {
  return level.replace('-', ' ').toUpperCase();
}
