import type { ClientFactory, SystemContext } from '../../src/core/system.js';
import { BANK_ACCOUNTS, BANK_INITIAL_BALANCE } from '../../workloads/bank/bank-accounts.js';
import { SqlClient } from '../common/sql-client.js';
import type { SqlWorkload } from '../common/sql-client.js';
import { connectPostgres } from './connect-postgres.js';
import { PG_BIN, PG_DATA, PG_LOG, pgHbaConf, postgresConf } from './postgres-config.js';
import { postgresDialect } from './postgres-dialect.js';
import { postgresImage } from './postgres-image.js';
import { parsePostgresOptions, postgresOptions, postgresPromises } from './postgres-options.js';
import {
  initPrimaryScript,
  initReplicaScript,
  killScript,
  startScript,
  stopScript,
} from './postgres-scripts.js';
import { defineSystem, pausableByName, runChecked, waitUntil } from '../../src/sdk/index.js';

/** The first node is the primary; the others are streaming replicas of it. */
function primaryOf(ctx: SystemContext): string {
  return ctx.cluster.nodes[0]!;
}

/** Waits until `node` accepts SQL and is (or is not) in recovery, as its role requires. */
async function waitHealthy(ctx: SystemContext, node: string, replica: boolean): Promise<void> {
  await waitUntil(`PostgreSQL on ${node} to accept connections`, async () => {
    const s = await connectPostgres(ctx.cluster.ip(node), 2000);
    try {
      const rows = await s.query('SELECT pg_is_in_recovery() AS r');
      return rows[0]?.['r'] === replica ? true : undefined;
    } finally {
      s.destroy();
    }
  });
}

async function startNode(ctx: SystemContext, node: string): Promise<void> {
  await runChecked(ctx, node, 'pg_ctl start', startScript, 90_000);
}

/** Tables of every workload, created once by setup on the primary (replicas receive them by WAL). */
async function createSchema(ctx: SystemContext): Promise<void> {
  const s = await connectPostgres(ctx.cluster.ip(primaryOf(ctx)));
  try {
    for (const sql of postgresDialect.schema(BANK_ACCOUNTS, BANK_INITIAL_BALANCE)) await s.query(sql);
  } finally {
    s.destroy();
  }
}

function sqlClients(workload: SqlWorkload): ClientFactory {
  return {
    open(ctx: SystemContext, node: string) {
      const { isolation, reads } = parsePostgresOptions(ctx.options);
      const primary = primaryOf(ctx);
      const readNode = reads === 'replicas' ? node : primary;
      const client = new SqlClient({
        workload,
        dialect: postgresDialect,
        isolation,
        // A hot standby refuses SERIALIZABLE; its snapshot reads are REPEATABLE READ.
        ...(readNode !== primary && isolation === 'serializable'
          ? { readIsolation: 'repeatable-read' as const }
          : {}),
        connect: (target) => connectPostgres(ctx.cluster.ip(target === 'read' ? readNode : primary)),
      });
      return Promise.resolve(client);
    },
  };
}

/** PostgreSQL 15: one primary (n1) plus streaming replicas on the other nodes. */
export const postgresSystem = defineSystem({
  name: 'postgres',
  description: 'PostgreSQL 15 (Debian): primary n1 with asynchronous streaming replicas on the other nodes',
  image: postgresImage,
  options: postgresOptions,
  validate: (options) => {
    parsePostgresOptions(options);
  },
  promises: postgresPromises,
  examples: [
    'faultline test postgres --nodes 1 --workload list-append --isolation serializable --nemesis kill',
  ],

  async version(ctx) {
    const out = await runChecked(ctx, primaryOf(ctx), 'postgres --version', `${PG_BIN}/postgres --version`);
    return out.trim();
  },

  async setup(ctx) {
    parsePostgresOptions(ctx.options);
    const primary = primaryOf(ctx);
    const replicas = ctx.cluster.nodes.slice(1);
    ctx.log(`postgres: initdb on ${primary}`);
    await runChecked(ctx, primary, 'initdb', initPrimaryScript);
    await ctx.cluster.remote.upload(primary, `${PG_DATA}/postgresql.conf`, postgresConf());
    await ctx.cluster.remote.upload(primary, `${PG_DATA}/pg_hba.conf`, pgHbaConf());
    await startNode(ctx, primary);
    await waitHealthy(ctx, primary, false);
    await createSchema(ctx);
    await Promise.all(
      replicas.map(async (node) => {
        ctx.log(`postgres: pg_basebackup ${node} from ${primary}`);
        await runChecked(ctx, node, 'pg_basebackup', initReplicaScript(ctx.cluster.ip(primary)), 180_000);
        await startNode(ctx, node);
        await waitHealthy(ctx, node, true);
      }),
    );
    if (replicas.length > 0) {
      await waitUntil(`${replicas.length} replicas streaming from ${primary}`, async () => {
        const s = await connectPostgres(ctx.cluster.ip(primary));
        try {
          const rows = await s.query(
            "SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'",
          );
          return rows[0]?.['n'] === replicas.length ? true : undefined;
        } finally {
          s.destroy();
        }
      });
    }
    ctx.log(`postgres: healthy (${primary} primary, ${replicas.length} replicas)`);
  },

  async teardown(ctx) {
    await Promise.all(
      ctx.cluster.nodes.map((n) =>
        ctx.cluster.remote.exec(n, ['bash', '-c', stopScript], { timeoutMs: 40_000 }),
      ),
    );
  },

  logFiles: () => [PG_LOG],

  // fsync = on (the default): WAL is fdatasynced at commit; data files at checkpoints.
  storage: {
    dataDir: PG_DATA,
    corruptible: ['pg_wal/0*', 'base/*/[0-9]*'],
  },

  clients: {
    'list-append': sqlClients('list-append'),
    'rw-register': sqlClients('rw-register'),
    bank: sqlClients('bank'),
  },

  killable: {
    async kill(ctx, node) {
      await runChecked(ctx, node, 'kill postgres', killScript);
    },
    async start(ctx, node) {
      await startNode(ctx, node);
    },
  },

  pausable: pausableByName('postgres'),

  primaries: {
    primaries: (ctx) => Promise.resolve([primaryOf(ctx)]),
  },

  process: {
    async pid(ctx, node) {
      const r = await ctx.cluster.remote.exec(node, [
        'bash',
        '-c',
        `head -n 1 ${PG_DATA}/postmaster.pid 2>/dev/null`,
      ]);
      const pid = Number.parseInt(r.stdout.trim(), 10);
      return Number.isFinite(pid) ? pid : undefined;
    },
  },
});
