import {
  defineSystem,
  runChecked,
  type ClientFactory,
  type SystemContext,
  connectPostgres,
  postgresDialect,
  type SqlWorkload,
} from '../../src/sdk/index.js';
import { BANK_ACCOUNTS, BANK_INITIAL_BALANCE } from '../../workloads/bank/bank-accounts.js';
import { patroniConfig } from './patroni-config.js';
import { patroniDaemon } from './patroni-daemon.js';
import { etcdDaemon } from './patroni-etcd.js';
import { waitEtcdHealthy } from './patroni-etcd-health.js';
import { patroniKillable, patroniPausable } from './patroni-faults.js';
import { waitPatroniHealthy } from './patroni-health.js';
import { patroniImage } from './patroni-image.js';
import { parsePatroniOptions, patroniOptions, patroniPromises } from './patroni-options.js';
import {
  ETCD_DATA,
  ETCD_LOG,
  PATRONI_BIN,
  PATRONI_CONFIG,
  PATRONI_LOG,
  PG_DATA,
  PG_LOG,
  PG_LOG_DIR,
} from './patroni-paths.js';
import { claimedPrimaries } from './patroni-rest.js';
import { PrimarySqlClient, patroniConnector } from './primary-sql-client.js';
import { SET_SCHEMA, patroniSetClient } from './set-client.js';

/** Wipes a node's previous state and writes its Patroni configuration (run as root). */
function prepareScript(): string {
  return [
    'set -e',
    patroniDaemon.stopScript('KILL'),
    etcdDaemon.stopScript('KILL'),
    'pkill -KILL -x postgres || true',
    `rm -rf ${PG_DATA} ${ETCD_DATA} /tmp/faultline-pgpass`,
    `mkdir -p $(dirname ${PG_DATA}) ${PG_LOG_DIR} $(dirname ${PATRONI_CONFIG}) /var/run/postgresql /run/faultline`,
    `chown postgres:postgres $(dirname ${PG_DATA}) ${PG_LOG_DIR} /var/run/postgresql`,
  ].join('\n');
}

/** Tables of every workload, created once on the primary (the replicas receive them by WAL). */
async function createSchema(ctx: SystemContext, primary: string): Promise<void> {
  const s = await connectPostgres(ctx.cluster.ip(primary));
  try {
    for (const sql of postgresDialect.schema(BANK_ACCOUNTS, BANK_INITIAL_BALANCE)) await s.query(sql);
    await s.query(SET_SCHEMA);
  } finally {
    s.destroy();
  }
}

function sqlClients(workload: SqlWorkload): ClientFactory {
  return {
    open: (ctx, node) => Promise.resolve(new PrimarySqlClient(workload, ctx, node, patroniConnector(ctx))),
  };
}

/** PostgreSQL 15 under Patroni 3.0: an etcd member and a Patroni-managed PostgreSQL on every node. */
export const patroniSystem = defineSystem({
  name: 'patroni',
  description:
    'PostgreSQL 15 under Patroni 3.0 (Debian): automatic failover, etcd 3.4 DCS on the same nodes; clients follow the primary',
  image: patroniImage,
  options: patroniOptions,
  validate: (options) => {
    parsePatroniOptions(options);
  },
  promises: patroniPromises,
  examples: [
    'faultline test patroni --workload set --nemesis partition --partition primary --time-limit 60',
    'faultline test patroni --workload list-append --nemesis kill,pause --fault-process patroni',
    'faultline test patroni --workload bank --synchronous-mode strict --nemesis partition,kill',
  ],

  async version(ctx) {
    const node = ctx.cluster.nodes[0]!;
    const patroni = await runChecked(ctx, node, 'patroni --version', `${PATRONI_BIN} --version`);
    const pg = await runChecked(
      ctx,
      node,
      'postgres --version',
      '/usr/lib/postgresql/15/bin/postgres --version',
    );
    return `${patroni.trim()}, ${pg.trim()}`;
  },

  async setup(ctx) {
    const options = parsePatroniOptions(ctx.options);
    const { nodes } = ctx.cluster;
    ctx.log(`patroni: starting etcd on ${nodes.length} nodes`);
    await Promise.all(
      nodes.map(async (node) => {
        await runChecked(ctx, node, 'patroni prepare', prepareScript());
        await ctx.cluster.remote.upload(node, PATRONI_CONFIG, patroniConfig(ctx.cluster, node, options));
        await etcdDaemon.start(ctx, node);
      }),
    );
    await waitEtcdHealthy(ctx);
    ctx.log('patroni: etcd healthy, starting Patroni');
    await Promise.all(nodes.map((node) => patroniDaemon.start(ctx, node)));
    const primary = await waitPatroniHealthy(ctx);
    await createSchema(ctx, primary);
    ctx.log(`patroni: healthy (${primary} primary, ${nodes.length - 1} streaming replicas)`);
  },

  async teardown(ctx) {
    const script = [
      patroniDaemon.stopScript('KILL'),
      'pkill -KILL -x postgres || true',
      etcdDaemon.stopScript('KILL'),
    ].join('\n');
    await Promise.all(
      ctx.cluster.nodes.map((n) => ctx.cluster.remote.exec(n, ['sh', '-c', script], { timeoutMs: 40_000 })),
    );
  },

  logFiles: () => [PATRONI_LOG, PG_LOG, ETCD_LOG, PATRONI_CONFIG],

  clients: {
    'list-append': sqlClients('list-append'),
    'rw-register': sqlClients('rw-register'),
    bank: sqlClients('bank'),
    set: { open: (ctx, node) => Promise.resolve(patroniSetClient(ctx, node, patroniConnector(ctx))) },
  },

  killable: patroniKillable,
  pausable: patroniPausable,
  primaries: { primaries: (ctx) => claimedPrimaries(ctx) },
});
