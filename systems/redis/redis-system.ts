import type { ClientFactory, SystemContext } from '../../src/core/system.js';
import { askRedis } from './ask-redis.js';
import { connectDirect, connectViaSentinel, whenReady } from './connect-redis.js';
import { RedisClient } from './redis-client.js';
import {
  REDIS_CONF,
  REDIS_LOG,
  SENTINEL_CONF,
  SENTINEL_LOG,
  redisConf,
  sentinelConf,
  sentinelQuorum,
} from './redis-config.js';
import { redisImage } from './redis-image.js';
import { parseRedisOptions, redisNotDurable, redisOptions, validateRedisOptions } from './redis-options.js';
import { askSentinel, majorityPrimary, sentinelViews } from './sentinel-primary.js';
import { defineSystem, pausableByName, processByName, runChecked, waitUntil } from '../../src/sdk/index.js';

const START_REDIS = `redis-server ${REDIS_CONF} >/dev/null 2>&1 </dev/null`;
const START_SENTINEL = `redis-sentinel ${SENTINEL_CONF} >/dev/null 2>&1 </dev/null`;
const CLEAN =
  'pkill -KILL -x redis-server; pkill -KILL -x redis-sentinel; rm -rf /var/lib/faultline/redis/* /var/log/faultline/*; mkdir -p /var/lib/faultline/redis /var/log/faultline /var/run/faultline';

/** Failover timings: short enough that a partition of a few seconds fails the primary over. */
const TIMINGS = { downAfterMs: 3000, failoverTimeoutMs: 10_000 };

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

async function setupSentinel(ctx: SystemContext): Promise<void> {
  const { nodes } = ctx.cluster;
  const primary = nodes[0]!;
  const primaryIp = ctx.cluster.ip(primary);
  const { appendfsync } = parseRedisOptions(ctx.options);
  await Promise.all(
    nodes.map(async (node) => {
      await ctx.cluster.remote.upload(
        node,
        REDIS_CONF,
        redisConf(node === primary ? undefined : primaryIp, appendfsync),
      );
      await runChecked(ctx, node, 'redis-server start', START_REDIS);
    }),
  );
  await waitUntil(`${primary} to have ${nodes.length - 1} connected replicas`, async () => {
    const info = String(await askRedis(primaryIp, 6379, 'INFO', 'replication'));
    return infoField(info, 'role') === 'master' &&
      Number(infoField(info, 'connected_slaves')) === nodes.length - 1
      ? true
      : undefined;
  });
  const quorum = sentinelQuorum(nodes.length);
  await Promise.all(
    nodes.map(async (node) => {
      await ctx.cluster.remote.upload(node, SENTINEL_CONF, sentinelConf(primaryIp, quorum, TIMINGS));
      await runChecked(ctx, node, 'redis-sentinel start', START_SENTINEL);
    }),
  );
  await Promise.all(
    nodes.map((node) =>
      waitUntil(
        `the Sentinel on ${node} to see ${nodes.length - 1} replicas and ${nodes.length - 1} other Sentinels`,
        async () => {
          const flat = (await askSentinel(ctx, node, 'master')) as string[];
          const m = new Map<string, string>();
          for (let i = 0; i + 1 < flat.length; i += 2) m.set(flat[i]!, flat[i + 1]!);
          return Number(m.get('num-slaves')) === nodes.length - 1 &&
            Number(m.get('num-other-sentinels')) === nodes.length - 1
            ? true
            : undefined;
        },
      ),
    ),
  );
  ctx.log(
    `redis: ${primary} primary, ${nodes.length - 1} replicas, ${nodes.length} Sentinels (quorum ${quorum})`,
  );
}

function clients(): ClientFactory {
  return {
    async open(ctx, node) {
      const { mode } = parseRedisOptions(ctx.options);
      const { nodes } = ctx.cluster;
      if (mode === 'single') return new RedisClient(await connectDirect(ctx.cluster.ip(nodes[0]!)));
      // Ask the Sentinel on the worker's own node first, then the others.
      const order = [node, ...nodes.filter((n) => n !== node)].map((n) => ctx.cluster.ip(n));
      const redis = await connectViaSentinel(order);
      await whenReady(redis, 5000);
      return new RedisClient(redis);
    },
  };
}

/** Redis 7 with Sentinel: primary n1, replicas on the other nodes, a Sentinel on every node. */
export const redisSystem = defineSystem({
  name: 'redis',
  description:
    'Redis 7 (Debian) primary + replicas with a Sentinel on every node (--redis-mode sentinel), or one server (single)',
  image: redisImage,
  options: redisOptions,
  validate: validateRedisOptions,
  promises: (options) =>
    parseRedisOptions(options).mode === 'single'
      ? { objects: 'linearizable', note: 'one single-threaded server' }
      : {
          note: 'Sentinel failover is asynchronous: acknowledged writes can be lost, so no model is promised',
        },
  examples: [
    'faultline test redis --nodes 3 --workload set --nemesis partition --partition one',
    'faultline test redis --nodes 3 --appendfsync always --nemesis lose-unfsynced',
  ],

  async version(ctx) {
    return (
      await runChecked(ctx, ctx.cluster.nodes[0]!, 'redis-server --version', 'redis-server --version')
    ).trim();
  },

  async setup(ctx) {
    const { mode, appendfsync } = parseRedisOptions(ctx.options);
    const { nodes } = ctx.cluster;
    await Promise.all(nodes.map((n) => runChecked(ctx, n, 'clean', CLEAN)));
    validateRedisOptions(ctx.options, nodes.length);
    if (mode === 'single') {
      await ctx.cluster.remote.upload(nodes[0]!, REDIS_CONF, redisConf(undefined, appendfsync));
      await runChecked(ctx, nodes[0]!, 'redis-server start', START_REDIS);
      await waitUntil('redis-server to answer PING', async () =>
        (await askRedis(ctx.cluster.ip(nodes[0]!), 6379, 'PING')) === 'PONG' ? true : undefined,
      );
      return;
    }
    await setupSentinel(ctx);
  },

  async teardown(ctx) {
    await Promise.all(
      ctx.cluster.nodes.map((n) =>
        ctx.cluster.remote.exec(n, [
          'bash',
          '-c',
          'pkill -KILL -x redis-server; pkill -KILL -x redis-sentinel; true',
        ]),
      ),
    );
  },

  logFiles: () => [REDIS_LOG, SENTINEL_LOG, SENTINEL_CONF, REDIS_CONF],

  storage: {
    dataDir: '/var/lib/faultline/redis',
    corruptible: ['appendonlydir/*.aof', 'appendonly.aof', 'dump.rdb'],
    // With everysec (the default) or no, a write is acknowledged before its fsync: only always is fair.
    notDurable: redisNotDurable,
  },

  clients: { register: clients(), set: clients() },

  killable: {
    async kill(ctx, node) {
      await runChecked(ctx, node, 'kill redis-server', 'pkill -KILL -x redis-server || true');
    },
    async start(ctx, node) {
      await runChecked(ctx, node, 'redis-server start', `pgrep -x redis-server >/dev/null || ${START_REDIS}`);
    },
  },

  pausable: pausableByName('redis-server'),

  primaries: {
    async primaries(ctx) {
      if (parseRedisOptions(ctx.options).mode === 'single') return [ctx.cluster.nodes[0]!];
      const p = majorityPrimary(await sentinelViews(ctx), ctx.cluster.nodes.length);
      return p === undefined ? [] : [p];
    },
  },

  process: processByName('redis-server'),
});
