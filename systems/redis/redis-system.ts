import type { ClientFactory, System, SystemContext } from '../../src/core/system.js';
import { FaultlineError } from '../../src/core/errors.js';
import { pgrepProcess } from '../common/pgrep-process.js';
import { runChecked } from '../common/run-checked.js';
import { signalPausable } from '../common/signal-pausable.js';
import { waitUntil } from '../common/wait-until.js';
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
import { parseRedisOptions, redisOptionDocs } from './redis-options.js';
import { askSentinel, majorityPrimary, sentinelViews } from './sentinel-primary.js';

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
  await Promise.all(
    nodes.map(async (node) => {
      await ctx.cluster.remote.upload(node, REDIS_CONF, redisConf(node === primary ? undefined : primaryIp));
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
export const redisSystem: System = {
  name: 'redis',
  description:
    'Redis 7 (Debian) primary + replicas with a Sentinel on every node (--redis-mode sentinel), or one server (single)',
  image: redisImage,
  options: { '--redis-mode <mode>': redisOptionDocs.redisMode },

  async version(ctx) {
    return (
      await runChecked(ctx, ctx.cluster.nodes[0]!, 'redis-server --version', 'redis-server --version')
    ).trim();
  },

  async setup(ctx) {
    const { mode } = parseRedisOptions(ctx.options);
    const { nodes } = ctx.cluster;
    await Promise.all(nodes.map((n) => runChecked(ctx, n, 'clean', CLEAN)));
    if (mode === 'single') {
      if (nodes.length !== 1) {
        throw new FaultlineError(
          'BAD_ARGUMENT',
          `--redis-mode single runs one server, but the cluster has ${nodes.length} nodes.`,
          {
            hint: 'Add --nodes 1, or use --redis-mode sentinel.',
          },
        );
      }
      await ctx.cluster.remote.upload(nodes[0]!, REDIS_CONF, redisConf(undefined));
      await runChecked(ctx, nodes[0]!, 'redis-server start', START_REDIS);
      await waitUntil('redis-server to answer PING', async () =>
        (await askRedis(ctx.cluster.ip(nodes[0]!), 6379, 'PING')) === 'PONG' ? true : undefined,
      );
      return;
    }
    if (nodes.length < 3) {
      throw new FaultlineError(
        'BAD_ARGUMENT',
        `Sentinel needs at least 3 nodes for a majority quorum, got ${nodes.length}.`,
        {
          hint: 'Use --nodes 3 or more, or --redis-mode single --nodes 1.',
        },
      );
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

  clients: { register: clients(), set: clients() },

  killable: {
    async kill(ctx, node) {
      await runChecked(ctx, node, 'kill redis-server', 'pkill -KILL -x redis-server || true');
    },
    async start(ctx, node) {
      await runChecked(ctx, node, 'redis-server start', `pgrep -x redis-server >/dev/null || ${START_REDIS}`);
    },
  },

  pausable: signalPausable('redis-server'),

  primaries: {
    async primaries(ctx) {
      if (parseRedisOptions(ctx.options).mode === 'single') return [ctx.cluster.nodes[0]!];
      const p = majorityPrimary(await sentinelViews(ctx), ctx.cluster.nodes.length);
      return p === undefined ? [] : [p];
    },
  },

  process: pgrepProcess('redis-server'),
};
