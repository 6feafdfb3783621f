import { runChecked, waitUntil, type SystemContext } from '../../src/sdk/index.js';
import { connectAmqp, destroyAmqp } from './connect-amqp.js';
import { QUEUE_NAME } from './rabbitmq-paths.js';
import { rabbitmqctl } from './rabbitmqctl.js';

/**
 * Declares the workload's durable queue from the first node: a quorum queue with a member on every
 * node, or a classic queue mirrored to every node (policy `ha-mode: all`, automatic sync).
 */
export async function declareQueue(ctx: SystemContext, queueType: string): Promise<void> {
  const first = ctx.cluster.nodes[0]!;
  if (queueType === 'classic') {
    const policy = JSON.stringify({ 'ha-mode': 'all', 'ha-sync-mode': 'automatic' });
    await runChecked(
      ctx,
      first,
      'rabbitmq mirroring policy',
      rabbitmqctl(first, [
        'set_policy',
        '--apply-to',
        'queues',
        'faultline-mirrored',
        `^${QUEUE_NAME}$`,
        policy,
      ]),
    );
  }
  await waitUntil(`the ${queueType} queue ${QUEUE_NAME} to be declared`, async () => {
    const { model, channel } = await connectAmqp(ctx.cluster.ip(first));
    try {
      await channel.assertQueue(QUEUE_NAME, {
        durable: true,
        arguments: {
          'x-queue-type': queueType,
          ...(queueType === 'quorum' ? { 'x-quorum-initial-group-size': ctx.cluster.nodes.length } : {}),
        },
      });
      return true;
    } finally {
      destroyAmqp(model);
    }
  });
}
