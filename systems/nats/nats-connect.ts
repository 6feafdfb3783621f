import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { NATS_CLIENT_PORT } from './nats-paths.js';

/** JetStream API requests (publish acks, KV gets, consumer pulls) give up after this long. */
export const NATS_REQUEST_TIMEOUT_MS = 3000;

/** A connection to one node with its JetStream client and manager. */
export interface NatsSession {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/**
 * Connects to the server at `ip` only (cluster gossip ignored, so a client stays on its node),
 * reconnecting to it forever, 250 ms apart. The driver is loaded on the first connection.
 */
export async function connectNats(ip: string): Promise<NatsSession> {
  const { connect } = await import('nats');
  const nc = await connect({
    servers: [`${ip}:${NATS_CLIENT_PORT}`],
    ignoreClusterUpdates: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    timeout: 2000,
    name: 'faultline',
  });
  const js = nc.jetstream({ timeout: NATS_REQUEST_TIMEOUT_MS });
  const jsm = await nc.jetstreamManager({ timeout: NATS_REQUEST_TIMEOUT_MS, checkAPI: false });
  return { nc, js, jsm };
}
