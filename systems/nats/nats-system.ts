import { defineSystem, runChecked } from '../../src/sdk/index.js';
import { checkNatsConfig, natsConfig } from './nats-config.js';
import { natsDaemon } from './nats-daemon.js';
import { waitNatsHealthy } from './nats-health.js';
import { natsImage } from './nats-image.js';
import { createNatsObjects } from './nats-objects.js';
import { natsOptions, validateNatsOptions } from './nats-options.js';
import { NATS_BIN, NATS_CONFIG, NATS_DATA, NATS_LOG } from './nats-paths.js';
import { natsPrimaries } from './nats-primaries.js';
import { natsQueueClients } from './nats-queue-client.js';
import { natsRegisterClients } from './nats-register-client.js';

/** NATS JetStream 2.9 from Debian: a full-mesh cluster of all nodes, file storage, R3 bucket and stream. */
export const natsSystem = defineSystem({
  name: 'nats',
  description:
    "NATS JetStream 2.9 (Debian's nats-server): N-node cluster, file storage, replicated KV bucket and work-queue stream",
  image: natsImage,
  options: natsOptions,
  validate: validateNatsOptions,
  promises: () => ({
    objects: 'linearizable',
    delivery: 'at-least-once',
    note: 'KV gets and revision-conditioned updates go through the stream leader (direct gets off); explicit acks redeliver after a lost ack',
  }),
  examples: [
    'faultline test nats --workload register --nemesis partition,kill --time-limit 60 --seed 1',
    'faultline test nats --workload queue --nemesis partition,pause --nodes 3 --replicas 3',
    'faultline test nats --workload queue --nodes 5 --replicas 5 --nemesis kill --partition primary',
  ],

  async version(ctx) {
    const out = await runChecked(
      ctx,
      ctx.cluster.nodes[0]!,
      'nats-server --version',
      `${NATS_BIN} --version`,
    );
    return /v(\d+\.\d+\.\d+\S*)/.exec(out)?.[1] ?? (out.trim() || 'unknown');
  },

  async setup(ctx) {
    const { nodes } = ctx.cluster;
    const sync = ctx.options['sync'] as string;
    ctx.log(`nats: starting ${nodes.length} servers`);
    await Promise.all(
      nodes.map(async (node) => {
        await runChecked(ctx, node, 'nats clean', `${natsDaemon.stopScript('KILL')}\nrm -rf ${NATS_DATA}`);
        await ctx.cluster.remote.upload(node, NATS_CONFIG, natsConfig(ctx.cluster, node, sync));
        await checkNatsConfig(ctx, node);
        await natsDaemon.start(ctx, node);
      }),
    );
    await waitNatsHealthy(ctx);
    await createNatsObjects(ctx, ctx.options['replicas'] as number);
    ctx.log('nats: cluster formed, bucket and stream created');
  },

  async teardown(ctx) {
    await Promise.all(
      ctx.cluster.nodes.map((node) =>
        ctx.cluster.remote.exec(node, ['sh', '-c', natsDaemon.stopScript('KILL')], { timeoutMs: 30_000 }),
      ),
    );
  },

  logFiles: () => [NATS_LOG, NATS_CONFIG],

  storage: {
    dataDir: NATS_DATA,
    corruptible: ['jetstream/*/streams/*/msgs/*.blk'],
    notDurable: (options) =>
      options['sync'] === 'always'
        ? undefined
        : 'acknowledges a publish before it fsyncs it (the file store syncs every 2 minutes unless --sync always)',
  },

  clients: { register: natsRegisterClients, queue: natsQueueClients },

  killable: natsDaemon,
  pausable: natsDaemon,
  process: natsDaemon,
  primaries: { primaries: natsPrimaries },
});
