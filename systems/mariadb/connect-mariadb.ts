import type { SqlConnection } from '../../src/sdk/index.js';
import { MARIADB_DATABASE, MARIADB_PASSWORD, MARIADB_PORT, MARIADB_USER } from './mariadb-config.js';

/** Opens one session to the MariaDB server at `host` as the suite's user, in its database. */
export async function connectMariadb(host: string, connectTimeoutMs = 5000): Promise<SqlConnection> {
  // The driver loads on the first connection, so declaring the system loads no driver.
  const { default: mariadb } = await import('mariadb');
  const conn = await mariadb.createConnection({
    host,
    port: MARIADB_PORT,
    user: MARIADB_USER,
    password: MARIADB_PASSWORD,
    database: MARIADB_DATABASE,
    connectTimeout: connectTimeoutMs,
    // A partitioned server never answers: give up on the socket rather than wait for TCP.
    socketTimeout: 10_000,
    bigIntAsNumber: true,
  });
  conn.on('error', () => undefined);
  return {
    query: async (sql, params = []) => {
      const r: unknown = await conn.query(sql, params as unknown[]);
      return Array.isArray(r) ? (r as Record<string, unknown>[]) : [];
    },
    destroy: () => conn.destroy(),
  };
}
