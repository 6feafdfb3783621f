import type { ClientFactory, SystemContext } from '../../src/core/system.js';
import { BANK_ACCOUNTS, BANK_INITIAL_BALANCE } from '../../workloads/bank/bank-accounts.js';
import { parseIsolation } from '../common/isolation.js';
import { SqlClient } from '../common/sql-client.js';
import type { SqlWorkload } from '../common/sql-client.js';
import { connectMariadb } from './connect-mariadb.js';
import {
  MARIADB_CONF,
  MARIADB_DATA,
  MARIADB_DATABASE,
  MARIADB_LOG,
  MARIADB_PASSWORD,
  MARIADB_USER,
  galeraCnf,
} from './mariadb-config.js';
import { mariadbDialect } from './mariadb-dialect.js';
import { mariadbImage } from './mariadb-image.js';
import { defineSystem, pausableByName, processByName, runChecked, waitUntil } from '../../src/sdk/index.js';
import { isolationOption } from '../common/isolation-option.js';

const PID = '/run/mysqld/mysqld.pid';

/** Starts mariadbd in the background; `bootstrap` starts a new cluster (first node only). */
function startScript(bootstrap: boolean): string {
  return [
    'mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld',
    `[ -f ${PID} ] && kill -0 "$(cat ${PID})" 2>/dev/null && exit 0`,
    `setsid mariadbd --defaults-file=${MARIADB_CONF}${bootstrap ? ' --wsrep-new-cluster' : ''} >>${MARIADB_LOG} 2>&1 </dev/null &`,
  ].join('\n');
}

const INSTALL = [
  'pkill -KILL -x mariadbd; true',
  `rm -rf ${MARIADB_DATA} && mkdir -p ${MARIADB_DATA} /var/log/faultline /run/mysqld`,
  `chown mysql:mysql ${MARIADB_DATA} /var/log/faultline /run/mysqld && : > ${MARIADB_LOG} && chown mysql:mysql ${MARIADB_LOG}`,
  `mariadb-install-db --defaults-file=${MARIADB_CONF} --user=mysql --auth-root-authentication-method=socket >/tmp/install-db.out 2>&1 || { cat /tmp/install-db.out; exit 1; }`,
].join('\n');

/** wsrep status variables of a node, read through the local socket as root. */
async function wsrepStatus(ctx: SystemContext, node: string): Promise<Map<string, string>> {
  const r = await ctx.cluster.remote.exec(
    node,
    ['mariadb', '-uroot', '-N', '-B', '-e', "SHOW GLOBAL STATUS LIKE 'wsrep_%'"],
    {
      timeoutMs: 10_000,
    },
  );
  return new Map(
    r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t') as [string, string]),
  );
}

/** Waits until `node` is Synced in a Primary component of `size` nodes and ready for clients. */
async function waitSynced(
  ctx: SystemContext,
  node: string,
  size: number,
  timeoutMs = 180_000,
): Promise<void> {
  await waitUntil(
    `MariaDB on ${node} to be Synced in a Primary component of ${size}`,
    async () => {
      const s = await wsrepStatus(ctx, node);
      const ok =
        s.get('wsrep_ready') === 'ON' &&
        s.get('wsrep_cluster_status') === 'Primary' &&
        s.get('wsrep_local_state_comment') === 'Synced' &&
        Number(s.get('wsrep_cluster_size')) >= size;
      if (!ok)
        throw new Error(
          `ready=${s.get('wsrep_ready')} status=${s.get('wsrep_cluster_status')} state=${s.get('wsrep_local_state_comment')} size=${s.get('wsrep_cluster_size')}`,
        );
      return true;
    },
    timeoutMs,
    1000,
  );
}

/** The user, database and tables, created on the bootstrap node (Galera replicates them). */
const SCHEMA_SQL = [
  `CREATE DATABASE IF NOT EXISTS ${MARIADB_DATABASE}`,
  `CREATE USER IF NOT EXISTS '${MARIADB_USER}'@'%' IDENTIFIED BY '${MARIADB_PASSWORD}'`,
  `GRANT ALL PRIVILEGES ON *.* TO '${MARIADB_USER}'@'%'`,
  `USE ${MARIADB_DATABASE}`,
  ...mariadbDialect.schema(BANK_ACCOUNTS, BANK_INITIAL_BALANCE),
]
  .map((s) => `${s};`)
  .join('\n');

function sqlClients(workload: SqlWorkload): ClientFactory {
  return {
    open(ctx: SystemContext, node: string) {
      const isolation = parseIsolation(ctx.options);
      const ip = ctx.cluster.ip(node);
      return Promise.resolve(
        new SqlClient({ workload, dialect: mariadbDialect, isolation, connect: () => connectMariadb(ip) }),
      );
    },
  };
}

/** MariaDB 10.11 with Galera 4: every node a writable member of one synchronous-replication cluster. */
export const mariadbSystem = defineSystem({
  name: 'mariadb',
  description:
    'MariaDB 10.11 + Galera 4 (Debian): N-node multi-primary cluster bootstrapped from n1, clients on every node',
  image: mariadbImage,
  options: [isolationOption],
  validate: (options) => {
    parseIsolation(options);
  },
  // Checked as Adya's levels of the same name (PL-2, PL-2.99, PL-3).
  promises: (options) => ({ transactions: parseIsolation(options), note: 'Adya levels of the same name' }),
  examples: [
    'faultline test mariadb --nodes 3 --workload bank --isolation repeatable-read --nemesis partition',
  ],

  async version(ctx) {
    return (
      await runChecked(
        ctx,
        ctx.cluster.nodes[0]!,
        'mariadb version',
        "mariadb -uroot -N -B -e 'SELECT VERSION()'",
      )
    ).trim();
  },

  async setup(ctx) {
    parseIsolation(ctx.options);
    const { nodes } = ctx.cluster;
    const ips = nodes.map((n) => ctx.cluster.ip(n));
    await Promise.all(
      nodes.map(async (node, i) => {
        await ctx.cluster.remote.upload(node, MARIADB_CONF, galeraCnf(node, ips[i]!, ips));
        await runChecked(ctx, node, 'mariadb-install-db', INSTALL, 180_000);
      }),
    );
    const first = nodes[0]!;
    ctx.log(`mariadb: bootstrapping the cluster on ${first}`);
    await runChecked(ctx, first, 'mariadbd --wsrep-new-cluster', startScript(true));
    await waitSynced(ctx, first, 1);
    await runChecked(ctx, first, 'create schema', `mariadb -uroot <<'SQL'\n${SCHEMA_SQL}\nSQL`);
    // Joiners one at a time: each takes a state transfer from a donor.
    for (const [i, node] of nodes.slice(1).entries()) {
      ctx.log(`mariadb: ${node} joins`);
      await runChecked(ctx, node, 'mariadbd join', startScript(false));
      await waitSynced(ctx, node, i + 2);
    }
    for (const node of nodes) await waitSynced(ctx, node, nodes.length);
    ctx.log(`mariadb: wsrep_cluster_size=${nodes.length}, every node Synced and wsrep_ready=ON`);
  },

  async teardown(ctx) {
    await Promise.all(
      ctx.cluster.nodes.map((n) =>
        ctx.cluster.remote.exec(n, ['bash', '-c', 'pkill -KILL -x mariadbd; true']),
      ),
    );
  },

  logFiles: () => [MARIADB_LOG, MARIADB_CONF],

  clients: {
    'list-append': sqlClients('list-append'),
    'rw-register': sqlClients('rw-register'),
    bank: sqlClients('bank'),
  },

  killable: {
    async kill(ctx, node) {
      await runChecked(ctx, node, 'kill mariadbd', 'pkill -KILL -x mariadbd || true');
    },
    // Rejoins the running cluster (IST or SST). With every node killed there is no cluster to join:
    // keep kill targets to a minority.
    async start(ctx, node) {
      await runChecked(ctx, node, 'mariadbd start', `rm -f ${PID}\n${startScript(false)}`);
    },
  },

  pausable: pausableByName('mariadbd'),

  process: processByName('mariadbd'),
});
