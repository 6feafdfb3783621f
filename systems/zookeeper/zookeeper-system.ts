import { FAKETIME_INIT, faketimeEnv } from '../../src/control/faketime.js';
import type { SystemContext } from '../../src/core/system.js';
import type { JuteWriter } from './jute-writer.js';
import { OP, ZkConnection } from './zk-connection.js';
import { ZK, ZkError } from './zk-error.js';
import { ZK_CONF, ZK_DATA, ZK_LOG, ZK_PORT, myId, zooCfg } from './zookeeper-config.js';
import { zookeeperImage } from './zookeeper-image.js';
import { parseZookeeperOptions, zookeeperOptions } from './zookeeper-options.js';
import { REGISTER_ROOT, ZookeeperRegisterClient } from './zookeeper-register-client.js';
import { defineSystem, runChecked, waitUntil } from '../../src/sdk/index.js';

const MAIN = 'org.apache.zookeeper.server.quorum.QuorumPeerMain';
const env = Object.entries(faketimeEnv())
  .map(([k, v]) => `${k}=${v}`)
  .join(' ');

const ZK_PID = '/var/run/faultline/zookeeper.pid';

/** Matches the server's command line but not a shell script that mentions the pattern. */
const PAT = "'[Q]uorumPeerMain'";

/** Starts the server in the background under libfaketime (the clock nemesis reaches the JVM), output to the log. */
const START_SCRIPT = [
  FAKETIME_INIT,
  `[ -f ${ZK_PID} ] && kill -0 "$(cat ${ZK_PID})" 2>/dev/null && exit 0`,
  `mkdir -p /var/run/faultline && cd ${ZK_DATA}`,
  `env ${env} setsid java -Xmx256m -cp /etc/zookeeper/conf:/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-log4j12.jar:/usr/share/java/log4j-1.2.jar ` +
    `-Dzookeeper.root.logger=INFO,CONSOLE ${MAIN} ${ZK_CONF} >>${ZK_LOG} 2>&1 </dev/null &`,
  `echo $! > ${ZK_PID}`,
].join('\n');

/** The server's mode from the `srvr` four-letter word: leader, follower or standalone; undefined when not serving. */
async function modeOf(ctx: SystemContext, node: string): Promise<string | undefined> {
  const r = await ctx.cluster.remote.exec(
    node,
    ['bash', '-c', `echo srvr | nc -q 2 -w 2 127.0.0.1 ${ZK_PORT}`],
    { timeoutMs: 10_000 },
  );
  return /^Mode: (\w+)/m.exec(r.stdout)?.[1];
}

/** Creates the parent znode of the registers (idempotent). */
async function createRoot(ctx: SystemContext): Promise<void> {
  const conn = await ZkConnection.open(ctx.cluster.ip(ctx.cluster.nodes[0]!), ZK_PORT);
  try {
    await conn.request(OP.create, (w: JuteWriter) =>
      w.string(REGISTER_ROOT).buffer(Buffer.alloc(0)).int(1).int(31).string('world').string('anyone').int(0),
    );
  } catch (e) {
    if (!(e instanceof ZkError && e.code === ZK.NODE_EXISTS)) throw e;
  } finally {
    conn.close();
  }
}

/** ZooKeeper 3.8: an ensemble of every node (server ids 1..N), or one standalone server. */
export const zookeeperSystem = defineSystem({
  name: 'zookeeper',
  description:
    'ZooKeeper 3.8 (Debian) ensemble of N servers; znode registers via the wire protocol, one session per worker',
  image: zookeeperImage,
  options: zookeeperOptions,
  promises: (options) =>
    parseZookeeperOptions(options).syncReads
      ? {
          objects: 'linearizable',
          note: 'writes are linearizable; sync() before a read makes it see them all',
        }
      : { objects: 'sequential', note: 'ZooKeeper guarantees: sequential consistency, reads may be stale' },
  examples: ['faultline test zookeeper --nodes 3 --workload register --sequential --nemesis partition,kill'],

  async version(ctx) {
    const r = await ctx.cluster.remote.exec(ctx.cluster.nodes[0]!, [
      'bash',
      '-c',
      `echo srvr | nc -q 2 -w 2 127.0.0.1 ${ZK_PORT}`,
    ]);
    return /^Zookeeper version: ([^,\n]+)/m.exec(r.stdout)?.[1]?.trim() ?? 'unknown';
  },

  async setup(ctx) {
    parseZookeeperOptions(ctx.options);
    const { nodes } = ctx.cluster;
    const cfg = zooCfg(nodes.map((n) => ctx.cluster.ip(n)));
    await Promise.all(
      nodes.map(async (node, i) => {
        await runChecked(
          ctx,
          node,
          'clean',
          `pkill -KILL -f ${PAT}; rm -rf ${ZK_DATA} && mkdir -p ${ZK_DATA} /var/log/faultline && : > ${ZK_LOG}`,
        );
        await ctx.cluster.remote.upload(node, ZK_CONF, cfg);
        await ctx.cluster.remote.upload(node, `${ZK_DATA}/myid`, myId(i));
        await runChecked(ctx, node, 'zookeeper start', START_SCRIPT);
      }),
    );
    const modes = await waitUntil(
      `every ZooKeeper server to serve, with one leader`,
      async () => {
        const m = await Promise.all(nodes.map((n) => modeOf(ctx, n)));
        if (m.some((x) => x === undefined)) return undefined;
        if (nodes.length > 1 && m.filter((x) => x === 'leader').length !== 1) return undefined;
        return m;
      },
      120_000,
    );
    await createRoot(ctx);
    ctx.log(`zookeeper: ${nodes.map((n, i) => `${n}=${modes[i]}`).join(', ')}`);
  },

  async teardown(ctx) {
    await Promise.all(
      ctx.cluster.nodes.map((n) => ctx.cluster.remote.exec(n, ['bash', '-c', `pkill -KILL -f ${PAT}; true`])),
    );
  },

  logFiles: () => [ZK_LOG, ZK_CONF],

  // forceSync=yes (the default): the transaction log is fsynced before a proposal is acknowledged.
  storage: {
    dataDir: ZK_DATA,
    corruptible: ['version-2/log.*', 'version-2/snapshot.*'],
  },

  clients: {
    register: {
      open(ctx, node) {
        const { syncReads } = parseZookeeperOptions(ctx.options);
        return Promise.resolve(
          new ZookeeperRegisterClient({ host: ctx.cluster.ip(node), port: ZK_PORT, syncReads }),
        );
      },
    },
  },

  killable: {
    async kill(ctx, node) {
      await runChecked(ctx, node, 'kill zookeeper', `pkill -KILL -f ${PAT} || true`);
    },
    async start(ctx, node) {
      await runChecked(ctx, node, 'zookeeper start', START_SCRIPT);
    },
  },

  pausable: {
    async pause(ctx, node) {
      await runChecked(ctx, node, 'pause zookeeper', `pkill -STOP -f ${PAT} || true`);
    },
    async resume(ctx, node) {
      await runChecked(ctx, node, 'resume zookeeper', `pkill -CONT -f ${PAT} || true`);
    },
  },

  primaries: {
    async primaries(ctx) {
      const modes = await Promise.all(ctx.cluster.nodes.map((n) => modeOf(ctx, n).catch(() => undefined)));
      return ctx.cluster.nodes.filter((_, i) => modes[i] === 'leader' || modes[i] === 'standalone');
    },
  },

  process: {
    async pid(ctx, node) {
      const r = await ctx.cluster.remote.exec(node, ['bash', '-c', `cat ${ZK_PID} 2>/dev/null`]);
      const pid = Number.parseInt(r.stdout.trim(), 10);
      return Number.isFinite(pid) ? pid : undefined;
    },
  },
});
