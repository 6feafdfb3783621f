import type { Redis, RedisOptions as IoRedisOptions } from 'ioredis';
import { MASTER_NAME, REDIS_PORT, SENTINEL_PORT } from './redis-config.js';

/** Options shared by every connection: one attempt per command, nothing queued or resent behind our back. */
const oneAttempt: IoRedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  commandTimeout: 2000,
  connectTimeout: 2000,
  lazyConnect: false,
  retryStrategy: () => 250,
  // A demoted primary answers writes with READONLY: reconnect (through Sentinel) without resending.
  reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 1 : false),
};

/** The driver, loaded on the first connection so that declaring the system loads no driver. */
async function redisClass(): Promise<typeof Redis> {
  return (await import('ioredis')).Redis;
}

/** A connection to the current primary as Sentinel names it; `sentinelIps` first is asked first. */
export async function connectViaSentinel(sentinelIps: readonly string[]): Promise<Redis> {
  const redis = new (await redisClass())({
    ...oneAttempt,
    sentinels: sentinelIps.map((host) => ({ host, port: SENTINEL_PORT })),
    name: MASTER_NAME,
    role: 'master',
    sentinelRetryStrategy: () => 250,
    sentinelCommandTimeout: 1000,
    failoverDetector: true,
  });
  redis.on('error', () => undefined);
  return redis;
}

/** A direct connection to the server at `ip`. */
export async function connectDirect(ip: string, port = REDIS_PORT): Promise<Redis> {
  const redis = new (await redisClass())({ ...oneAttempt, host: ip, port });
  redis.on('error', () => undefined);
  return redis;
}

/** Resolves when the connection is ready, or after `ms` (commands fail fast until it is). */
export function whenReady(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      redis.off('ready', done);
      resolve();
    }
    redis.once('ready', done);
  });
}
