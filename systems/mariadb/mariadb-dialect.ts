import { type IsolationLevel, isolationSql, type SqlDialect } from '../../src/sdk/index.js';

/** The server's error number, when the error came from the server. */
export function errnoOf(err: unknown): number | undefined {
  const n = (err as { errno?: unknown } | null)?.errno;
  return typeof n === 'number' ? n : undefined;
}

/** ER_LOCK_DEADLOCK: an InnoDB deadlock victim, or a Galera certification failure at COMMIT; rolled back. */
const ER_LOCK_DEADLOCK = 1213;
/** ER_UNKNOWN_COM_ERROR: "WSREP has not yet prepared node for application use": refused, nothing replicated. */
const ER_WSREP_NOT_READY = 1047;

/** MariaDB's SQL for the transactional workloads: comma-separated text lists, int registers, one accounts table. */
export const mariadbDialect: SqlDialect = {
  begin: (level: IsolationLevel) => [
    `SET TRANSACTION ISOLATION LEVEL ${isolationSql(level)}`,
    'START TRANSACTION',
  ],
  schema: (accounts, balance) => [
    'CREATE TABLE IF NOT EXISTS lists (k INT PRIMARY KEY, v TEXT NOT NULL) ENGINE=InnoDB',
    'CREATE TABLE IF NOT EXISTS registers (k INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB',
    'CREATE TABLE IF NOT EXISTS accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL) ENGINE=InnoDB',
    `INSERT IGNORE INTO accounts (id, balance) VALUES ${Array.from({ length: accounts }, (_, i) => `(${i}, ${balance})`).join(', ')}`,
  ],
  appendList: "INSERT INTO lists (k, v) VALUES (?, ?) ON DUPLICATE KEY UPDATE v = CONCAT(v, ',', VALUES(v))",
  readList: 'SELECT v FROM lists WHERE k = ?',
  decodeList: (v) => String(v).split(',').map(Number),
  writeRegister: 'INSERT INTO registers (k, v) VALUES (?, ?) ON DUPLICATE KEY UPDATE v = VALUES(v)',
  readRegister: 'SELECT v FROM registers WHERE k = ?',
  readBalance: 'SELECT balance FROM accounts WHERE id = ?',
  setBalance: 'UPDATE accounts SET balance = ? WHERE id = ?',
  readAccounts: 'SELECT id, balance FROM accounts ORDER BY id',
  definitelyAborted: (err) => {
    const n = errnoOf(err);
    return n === ER_LOCK_DEADLOCK || n === ER_WSREP_NOT_READY;
  },
  // The connector marks errors after which the connection is unusable as fatal.
  isServerError: (err) =>
    errnoOf(err) !== undefined && (err as { fatal?: boolean }).fatal !== true && errnoOf(err)! < 2000,
};
