import {
  defineSystem,
  runChecked,
  quoteShell,
  startFailed,
  type SystemContext,
} from '../../src/sdk/index.js';
import { erlangCookie, rabbitmqConfig } from './rabbitmq-config.js';
import { rabbitmqDaemon } from './rabbitmq-daemon.js';
import { waitRabbitmqCluster } from './rabbitmq-health.js';
import { rabbitmqImage } from './rabbitmq-image.js';
import { rabbitmqOptions } from './rabbitmq-options.js';
import { ERLANG_COOKIE, RABBITMQ_CONFIG, RABBITMQ_DATA, RABBITMQ_LOG, erlangNode } from './rabbitmq-paths.js';
import { rabbitmqPrimaries } from './rabbitmq-primaries.js';
import { declareQueue } from './rabbitmq-queue.js';
import { rabbitmqQueueClients } from './rabbitmq-queue-client.js';
import { rabbitmqctl } from './rabbitmqctl.js';

/** Shell that cleans a node and writes its hosts entries, cookie and config (idempotent). */
function prepareScript(ctx: SystemContext): string {
  const hosts = ctx.cluster.nodes.map((n) => `${ctx.cluster.ip(n)} ${n}`);
  const cookie = erlangCookie(ctx.cluster.runId);
  return [
    rabbitmqDaemon.stopScript('KILL'),
    `rm -rf ${RABBITMQ_DATA} && mkdir -p ${RABBITMQ_DATA}`,
    ...hosts.map(
      (line) => `grep -qxF ${quoteShell(line)} /etc/hosts || echo ${quoteShell(line)} >> /etc/hosts`,
    ),
    `rm -f ${ERLANG_COOKIE} && printf %s ${quoteShell(cookie)} > ${ERLANG_COOKIE} && chmod 400 ${ERLANG_COOKIE}`,
  ].join('\n');
}

/**
 * Starts the node's server and waits until its application has booted (rabbitmqctl cannot reach
 * it until the VM has registered), or throws SYSTEM_START_FAILED with the tail of its log.
 */
async function startNode(ctx: SystemContext, node: string, timeoutMs = 90_000): Promise<void> {
  await rabbitmqDaemon.start(ctx, node);
  const deadline = Date.now() + timeoutMs;
  let why = 'no answer yet';
  while (Date.now() < deadline) {
    const script = rabbitmqctl(node, ['await_startup', '--timeout', '10']);
    const r = await ctx.cluster.remote.exec(node, ['bash', '-c', script], { timeoutMs: 30_000 });
    if (r.exitCode === 0) return;
    why = `${r.stdout}\n${r.stderr}`.trim().split('\n').filter(Boolean).slice(-3).join(' / ');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw await startFailed(ctx, {
    what: `RabbitMQ on ${node} to boot within ${timeoutMs / 1000} s`,
    reasons: { [node]: why },
    logFile: RABBITMQ_LOG,
  });
}

/** RabbitMQ 3.10 from Debian: one cluster of every node, joined to n1, and one replicated queue. */
export const rabbitmqSystem = defineSystem({
  name: 'rabbitmq',
  description:
    "RabbitMQ 3.10 (Debian's rabbitmq-server): N-node cluster, one quorum queue (or a mirrored classic queue)",
  image: rabbitmqImage,
  options: rabbitmqOptions,
  promises: (options) => ({
    delivery: 'at-least-once',
    note: `publisher confirms and manual acks: a confirmed message is delivered at least once (${String(options['queueType'])} queue)`,
  }),
  examples: [
    'faultline test rabbitmq --workload queue --nemesis partition,kill --time-limit 60 --seed 1',
    'faultline test rabbitmq --queue-type classic --nemesis partition --partition-handling autoheal',
    'faultline test rabbitmq --nodes 5 --nemesis partition,pause --partition majorities-ring',
  ],

  async version(ctx) {
    const node = ctx.cluster.nodes[0]!;
    const out = await runChecked(ctx, node, 'rabbitmqctl version', rabbitmqctl(node, ['version']));
    return out.trim() || 'unknown';
  },

  async setup(ctx) {
    const { nodes } = ctx.cluster;
    const [first, ...rest] = nodes;
    ctx.log(`rabbitmq: starting ${nodes.length} nodes`);
    await Promise.all(
      nodes.map(async (node) => {
        await runChecked(ctx, node, 'rabbitmq clean', prepareScript(ctx));
        await ctx.cluster.remote.upload(
          node,
          RABBITMQ_CONFIG,
          rabbitmqConfig(String(ctx.options['partitionHandling'])),
        );
        await startNode(ctx, node);
      }),
    );
    for (const node of rest) {
      const join = [
        rabbitmqctl(node, ['stop_app']),
        rabbitmqctl(node, ['join_cluster', erlangNode(first!)]),
        rabbitmqctl(node, ['start_app']),
      ].join(' && ');
      await runChecked(ctx, node, `rabbitmq join ${first!}`, join, 120_000);
    }
    await waitRabbitmqCluster(ctx);
    await declareQueue(ctx, String(ctx.options['queueType']));
    ctx.log(
      `rabbitmq: cluster of ${nodes.length} formed, ${String(ctx.options['queueType'])} queue declared`,
    );
  },

  async teardown(ctx) {
    await Promise.all(
      ctx.cluster.nodes.map((node) =>
        ctx.cluster.remote.exec(node, ['sh', '-c', rabbitmqDaemon.stopScript('KILL')], { timeoutMs: 30_000 }),
      ),
    );
  },

  logFiles: () => [RABBITMQ_LOG, RABBITMQ_CONFIG],

  clients: { queue: rabbitmqQueueClients },

  killable: rabbitmqDaemon,
  pausable: rabbitmqDaemon,
  process: rabbitmqDaemon,
  primaries: { primaries: rabbitmqPrimaries },
});
