import type { GetMessage } from 'amqplib';
import {
  classifyError,
  type Client,
  type ClientFactory,
  type Completion,
  type Op,
  type SystemContext,
  type Value,
} from '../../src/sdk/index.js';
import { connectAmqp, destroyAmqp, type AmqpSession } from './connect-amqp.js';
import { QUEUE_NAME } from './rabbitmq-paths.js';
import { rabbitmqctl } from './rabbitmqctl.js';

/** Each op gives up after this long (before the runner's op timeout), so it can say fail or info itself. */
const OP_BUDGET_MS = 3000;
/** A drain that has not emptied the queue by then drops its connection (requeueing all it took) and fails. */
const DRAIN_BUDGET_MS = 2000;

/** A request that never left the client: no connection, or a closed channel refused it. */
export class NotSentError extends Error {
  override readonly name = 'NotSentError';
}

/** Rejects with `what` timed out after `ms`, unless `p` settles first. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function decode(m: GetMessage): Value {
  return JSON.parse(m.content.toString('utf8')) as Value;
}

/**
 * The queue workload on one RabbitMQ queue: `enqueue x` publishes a persistent message on a
 * confirm channel and waits for the broker's confirm; `dequeue` is a basic.get with a manual ack
 * (ok with the element once delivered: a lost ack means a redelivery, which at-least-once delivery
 * allows); `drain` takes every ready message unacked, and acks them only when the queue is empty
 * and no other connection holds unacked messages (else it drops its connection, so they are
 * requeued, and fails). After any error the connection is dropped and the next op reconnects.
 */
export class RabbitmqQueueClient implements Client {
  private current: AmqpSession | undefined;

  constructor(
    private readonly ctx: SystemContext,
    private readonly node: string,
  ) {}

  async invoke(op: Op): Promise<Completion> {
    try {
      switch (op.f) {
        case 'enqueue':
          await within(this.enqueue(op.value), OP_BUDGET_MS, 'publish confirm');
          return { type: 'ok', value: op.value };
        case 'dequeue':
          return { type: 'ok', value: await within(this.dequeue(), OP_BUDGET_MS, 'basic.get') };
        case 'drain':
          return await this.drain();
        default:
          return { type: 'fail', value: op.value, error: `unsupported f ${op.f}` };
      }
    } catch (error) {
      this.reset();
      // A dequeue or drain that failed acked nothing: what it was handed goes back to the queue.
      const readOnly = op.f !== 'enqueue';
      return {
        ...classifyError(error, { readOnly, rejected: (e) => e instanceof NotSentError }),
        value: op.value,
      };
    }
  }

  /** The open session, connecting first if there is none; a failed connect is NotSentError. */
  private async session(): Promise<AmqpSession> {
    if (this.current) return this.current;
    try {
      this.current = await within(connectAmqp(this.ctx.cluster.ip(this.node)), OP_BUDGET_MS, 'connect');
    } catch (error) {
      throw new NotSentError(`cannot connect: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.current;
  }

  private reset(): void {
    if (this.current) destroyAmqp(this.current.model);
    this.current = undefined;
  }

  private async enqueue(value: Value): Promise<void> {
    const { channel } = await this.session();
    await new Promise<void>((resolve, reject) => {
      try {
        channel.sendToQueue(QUEUE_NAME, Buffer.from(JSON.stringify(value)), { persistent: true }, (err) =>
          err ? reject(new Error(`nacked: ${String(err)}`)) : resolve(),
        );
      } catch (error) {
        reject(new NotSentError(`channel refused the publish: ${(error as Error).message}`));
      }
    });
  }

  private async dequeue(): Promise<Value> {
    const { channel } = await this.session();
    const m = await channel.get(QUEUE_NAME, { noAck: false });
    if (m === false) return null;
    channel.ack(m);
    return decode(m);
  }

  private async drain(): Promise<Completion> {
    const elsewhere = await this.unackedElsewhere();
    if (elsewhere > 0) {
      return { type: 'fail', value: null, error: `${elsewhere} messages held unacked by other connections` };
    }
    const { channel } = await this.session();
    const started = Date.now();
    const taken: GetMessage[] = [];
    for (;;) {
      if (Date.now() - started > DRAIN_BUDGET_MS)
        throw new Error(`queue not empty after ${DRAIN_BUDGET_MS} ms`);
      const m = await within(channel.get(QUEUE_NAME, { noAck: false }), OP_BUDGET_MS, 'basic.get');
      if (m === false) break;
      taken.push(m);
    }
    const last = taken.at(-1);
    if (last) {
      channel.ack(last, true);
      // The channel handles methods in order: once this answers, it has processed the ack.
      await within(channel.checkQueue(QUEUE_NAME), OP_BUDGET_MS, 'queue.declare').catch(() => undefined);
    }
    return { type: 'ok', value: taken.map(decode) };
  }

  /** Messages of the queue delivered and not yet acked, as the client's node counts them. */
  private async unackedElsewhere(): Promise<number> {
    const script = rabbitmqctl(this.node, [
      'list_queues',
      'name',
      'messages_unacknowledged',
      '--formatter',
      'json',
    ]);
    const r = await this.ctx.cluster.remote.exec(this.node, ['bash', '-c', script], { timeoutMs: 2500 });
    if (r.exitCode !== 0)
      throw new Error(`list_queues failed: ${(r.stderr || r.stdout).trim().slice(0, 200)}`);
    const rows = JSON.parse(r.stdout) as { name: string; messages_unacknowledged: number }[];
    return rows.find((q) => q.name === QUEUE_NAME)?.messages_unacknowledged ?? 0;
  }

  close(): Promise<void> {
    this.reset();
    return Promise.resolve();
  }
}

/** A queue client bound to a node; it connects on its first op. */
export const rabbitmqQueueClients: ClientFactory = {
  open: (ctx, node) => Promise.resolve(new RabbitmqQueueClient(ctx, node)),
};
