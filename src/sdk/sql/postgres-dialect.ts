import type { IsolationLevel } from './isolation.js';
import { isolationSql } from './isolation.js';
import type { SqlDialect } from './sql-dialect.js';

/** SQLSTATE of a server error, when the error has one. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** PostgreSQL's SQL for the transactional workloads: int[] lists, int registers, one accounts table. */
export const postgresDialect: SqlDialect = {
  begin: (level: IsolationLevel) => [`BEGIN ISOLATION LEVEL ${isolationSql(level)}`],
  schema: (accounts, balance) => [
    'CREATE TABLE IF NOT EXISTS lists (k int PRIMARY KEY, v int[] NOT NULL)',
    'CREATE TABLE IF NOT EXISTS registers (k int PRIMARY KEY, v int NOT NULL)',
    'CREATE TABLE IF NOT EXISTS accounts (id int PRIMARY KEY, balance bigint NOT NULL)',
    `INSERT INTO accounts (id, balance) SELECT g, ${balance} FROM generate_series(0, ${accounts - 1}) g ON CONFLICT (id) DO NOTHING`,
  ],
  appendList:
    'INSERT INTO lists AS t (k, v) VALUES ($1, ARRAY[$2::int]) ON CONFLICT (k) DO UPDATE SET v = t.v || $2::int',
  readList: 'SELECT v FROM lists WHERE k = $1',
  decodeList: (v) => (v as number[]).map(Number),
  writeRegister: 'INSERT INTO registers AS t (k, v) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET v = $2',
  readRegister: 'SELECT v FROM registers WHERE k = $1',
  readBalance: 'SELECT balance FROM accounts WHERE id = $1',
  setBalance: 'UPDATE accounts SET balance = $1 WHERE id = $2',
  readAccounts: 'SELECT id, balance FROM accounts ORDER BY id',
  // Class 40: serialization failure / deadlock, the transaction was rolled back. Class 23 at
  // COMMIT: a deferred constraint rejected it.
  definitelyAborted: (err) => {
    const s = sqlState(err);
    return s !== undefined && (s.startsWith('40') || s.startsWith('23'));
  },
  // Class 08 (connection) and 57P0x (shutdown) mean the session is gone even though a code came back.
  isServerError: (err) => {
    const s = sqlState(err);
    return s !== undefined && !s.startsWith('08') && !s.startsWith('57P');
  },
};
