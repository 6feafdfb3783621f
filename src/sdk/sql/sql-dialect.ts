import type { IsolationLevel } from './isolation.js';

/** One open database session; `destroy` drops it at once (the server rolls back anything uncommitted). */
export interface SqlConnection {
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  destroy(): void;
}

/** The SQL a database speaks for the list-append, rw-register and bank workloads. */
export interface SqlDialect {
  /** Statements that open a transaction at `level`. */
  begin(level: IsolationLevel): readonly string[];
  /** Idempotent statements that create the tables and the bank's initial balances. */
  schema(accounts: number, balance: number): readonly string[];
  /** Params [k, v]. */
  appendList: string;
  /** Params [k]; rows of `{ v }`. */
  readList: string;
  decodeList(v: unknown): number[];
  /** Params [k, v]. */
  writeRegister: string;
  /** Params [k]; rows of `{ v }`. */
  readRegister: string;
  /** Params [id]; rows of `{ balance }`. */
  readBalance: string;
  /** Params [balance, id]. */
  setBalance: string;
  /** Rows of `{ id, balance }`. */
  readAccounts: string;
  /** True when the server said this transaction was rolled back, even though COMMIT had been sent. */
  definitelyAborted(err: unknown): boolean;
  /** True when the error came from the server as an SQL error (the session is still usable). */
  isServerError(err: unknown): boolean;
}
