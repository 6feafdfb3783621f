import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { AMQP_PORT } from './rabbitmq-paths.js';

/** A connection to one node with its confirm channel (publisher confirms on). */
export interface AmqpSession {
  model: ChannelModel;
  channel: ConfirmChannel;
}

/** Heartbeats every this many seconds: a dead peer is noticed within about two of them. */
export const HEARTBEAT_S = 3;

/**
 * Connects as guest to the server at `ip` and opens a confirm channel. Errors of the connection
 * and the channel are swallowed (each op sees them as a rejected call). The driver is loaded on
 * the first connection.
 */
export async function connectAmqp(ip: string): Promise<AmqpSession> {
  const amqp = await import('amqplib');
  const model = await amqp.connect(
    {
      protocol: 'amqp',
      hostname: ip,
      port: AMQP_PORT,
      username: 'guest',
      password: 'guest',
      heartbeat: HEARTBEAT_S,
    },
    { timeout: 2000 },
  );
  model.on('error', () => undefined);
  try {
    const channel = await model.createConfirmChannel();
    channel.on('error', () => undefined);
    return { model, channel };
  } catch (error) {
    destroyAmqp(model);
    throw error;
  }
}

/**
 * Drops a connection at once, without the closing handshake (which may hang on a partition): the
 * server requeues what the connection held unacked when it notices, at once or by heartbeat.
 */
export function destroyAmqp(model: ChannelModel): void {
  const stream = (model.connection as unknown as { stream?: { destroy?: () => void } }).stream;
  if (stream?.destroy) stream.destroy();
  else void model.close().catch(() => undefined);
}
