import type pg from 'pg';
import type { SqlConnection } from './sql-dialect.js';
/** PostgreSQL's default port, where the suites run it. */
const PG_PORT = 5432;

/** Opens one session to the PostgreSQL server at `host` as the superuser (the test network is trusted). */
export async function connectPostgres(host: string, connectTimeoutMs = 5000): Promise<SqlConnection> {
  // The driver loads on the first connection, so declaring the system loads no driver.
  const { default: driver } = await import('pg');
  const client = new driver.Client({
    host,
    port: PG_PORT,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: connectTimeoutMs,
    keepAlive: true,
  });
  // A dropped socket also surfaces on the pending or next query; without a listener it would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    drop(client);
    throw err;
  }
  return {
    query: async (sql, params = []) =>
      (await client.query(sql, params as unknown[])).rows as Record<string, unknown>[],
    destroy: () => drop(client),
  };
}

function drop(client: pg.Client): void {
  const socket = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
  socket?.destroy();
  client.end().catch(() => undefined);
}
