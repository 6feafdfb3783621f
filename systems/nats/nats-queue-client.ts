import type { Consumer, JsMsg } from 'nats';
import type { Client, ClientFactory, Completion, Op, Value } from '../../src/sdk/index.js';
import { classifyNatsError } from './classify-nats-error.js';
import { connectNats, type NatsSession } from './nats-connect.js';
import { QUEUE_CONSUMER, QUEUE_STREAM, QUEUE_SUBJECT } from './nats-paths.js';

/** How long one pull waits for a message (the driver's minimum). */
const PULL_EXPIRES_MS = 1000;
/** A drain that has not emptied the queue by then puts back what it took and fails. */
const DRAIN_BUDGET_MS = 3000;

function decode(m: JsMsg): Value {
  return JSON.parse(new TextDecoder().decode(m.data)) as Value;
}

/**
 * The queue workload on a JetStream stream with a durable pull consumer and explicit acks:
 * `enqueue x` publishes and waits for the stream's ack; `dequeue` pulls one message and acks it
 * (ok with the element once delivered: redelivery after a lost ack is at-least-once delivery, and
 * an unacked message stays in the stream); `drain` pulls until the stream is empty and no message
 * awaits an ack elsewhere, and only then acks what it took (else it naks it all and fails).
 */
export class NatsQueueClient implements Client {
  constructor(
    private readonly session: NatsSession,
    private readonly consumer: Consumer,
  ) {}

  async invoke(op: Op): Promise<Completion> {
    try {
      switch (op.f) {
        case 'enqueue':
          await this.session.js.publish(QUEUE_SUBJECT, JSON.stringify(op.value));
          return { type: 'ok', value: op.value };
        case 'dequeue':
          return await this.dequeue();
        case 'drain':
          return await this.drain();
        default:
          return { type: 'fail', value: op.value, error: `unsupported f ${op.f}` };
      }
    } catch (error) {
      // A pull that failed acked nothing: the message, if one was sent, stays in the stream.
      return { ...classifyNatsError(error, op.f !== 'enqueue'), value: op.value };
    }
  }

  private async dequeue(): Promise<Completion> {
    const m = await this.consumer.next({ expires: PULL_EXPIRES_MS });
    if (m === null) return { type: 'ok', value: null };
    await m.ackAck({ timeout: 2000 }).catch(() => false);
    return { type: 'ok', value: decode(m) };
  }

  private async drain(): Promise<Completion> {
    const started = Date.now();
    const held: JsMsg[] = [];
    const putBack = (why: string): Completion => {
      for (const m of held) m.nak();
      return { type: 'fail', value: null, error: why };
    };
    for (;;) {
      if (Date.now() - started > DRAIN_BUDGET_MS)
        return putBack(`queue not empty after ${DRAIN_BUDGET_MS} ms`);
      const before = held.length;
      const batch = await this.consumer.fetch({ max_messages: 500, expires: PULL_EXPIRES_MS });
      for await (const m of batch) held.push(m);
      if (held.length === before) break;
    }
    const info = await this.consumer.info();
    if (info.num_pending > 0 || info.num_ack_pending > held.length) {
      return putBack(
        `${info.num_pending} messages undelivered and ${info.num_ack_pending - held.length} awaiting an ack elsewhere`,
      );
    }
    await Promise.all(held.map((m) => m.ackAck({ timeout: 2000 }).catch(() => false)));
    return { type: 'ok', value: held.map(decode) };
  }

  async close(): Promise<void> {
    await this.session.nc.close();
  }
}

/** Opens a queue client on a node: its own connection and a handle on the durable consumer. */
export const natsQueueClients: ClientFactory = {
  async open(ctx, node) {
    const session = await connectNats(ctx.cluster.ip(node));
    try {
      return new NatsQueueClient(session, await session.js.consumers.get(QUEUE_STREAM, QUEUE_CONSUMER));
    } catch (error) {
      await session.nc.close();
      throw error;
    }
  },
};
