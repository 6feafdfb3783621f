import type { SqlDialect } from './sql-dialect.js';

/**
 * `fail` when the transaction certainly did not commit: every error before COMMIT was sent (the
 * client then rolls back or drops the session), and a COMMIT the server answered with a rollback
 * (serialization failure, deadlock, certification failure). Anything else after COMMIT is `info`.
 */
export function classifySqlError(dialect: SqlDialect, err: unknown, commitSent: boolean): 'fail' | 'info' {
  if (!commitSent) return 'fail';
  return dialect.definitelyAborted(err) ? 'fail' : 'info';
}

/** A short error text for the history: the SQLSTATE or errno, then the message. */
export function describeSqlError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const msg = ((err as { sqlMessage?: unknown }).sqlMessage as string | undefined) ?? err.message;
  return code === undefined ? msg : `${String(code)} ${msg}`;
}
