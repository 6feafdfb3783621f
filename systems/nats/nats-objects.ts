import { waitUntil, type SystemContext } from '../../src/sdk/index.js';
import { connectNats } from './nats-connect.js';
import { ACK_WAIT_MS, KV_BUCKET, QUEUE_CONSUMER, QUEUE_STREAM, QUEUE_SUBJECT } from './nats-paths.js';

/**
 * Creates the register workload's KV bucket and the queue workload's work-queue stream with its
 * durable consumer, all with file storage and `replicas` copies, and waits until each has a
 * leader. Retried until the JetStream meta leader accepts them (a fresh cluster may still lack peers).
 */
export async function createNatsObjects(ctx: SystemContext, replicas: number): Promise<void> {
  const { nats, nanos } = { nats: await import('nats'), nanos: (ms: number) => ms * 1_000_000 };
  const session = await connectNats(ctx.cluster.ip(ctx.cluster.nodes[0]!));
  try {
    const { js, jsm } = session;
    await waitUntil(`the KV bucket ${KV_BUCKET} (R${replicas}) to be created`, async () => {
      await js.views.kv(KV_BUCKET, {
        replicas,
        history: 1,
        storage: nats.StorageType.File,
        allow_direct: false,
      });
      return true;
    });
    await waitUntil(`the stream ${QUEUE_STREAM} (R${replicas}) to be created`, async () => {
      await jsm.streams.add({
        name: QUEUE_STREAM,
        subjects: [QUEUE_SUBJECT],
        storage: nats.StorageType.File,
        retention: nats.RetentionPolicy.Workqueue,
        num_replicas: replicas,
      });
      await jsm.consumers.add(QUEUE_STREAM, {
        durable_name: QUEUE_CONSUMER,
        ack_policy: nats.AckPolicy.Explicit,
        ack_wait: nanos(ACK_WAIT_MS),
        max_ack_pending: 100_000,
        max_deliver: -1,
      });
      return true;
    });
    await waitUntil('the bucket, stream and consumer to have leaders', async () => {
      const bucket = await jsm.streams.info(`KV_${KV_BUCKET}`);
      const stream = await jsm.streams.info(QUEUE_STREAM);
      const consumer = await jsm.consumers.info(QUEUE_STREAM, QUEUE_CONSUMER);
      return bucket.cluster?.leader && stream.cluster?.leader && consumer.cluster?.leader ? true : undefined;
    });
  } finally {
    await session.nc.close();
  }
}
