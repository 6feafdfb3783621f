import type { Appendfsync } from './redis-options.js';

/** Where the suite keeps Redis on each node. */
export const REDIS_PORT = 6379;
export const SENTINEL_PORT = 26379;
export const REDIS_CONF = '/etc/faultline/redis.conf';
export const SENTINEL_CONF = '/etc/faultline/sentinel.conf';
export const REDIS_LOG = '/var/log/faultline/redis.log';
export const SENTINEL_LOG = '/var/log/faultline/sentinel.log';
/** The name Sentinel monitors the primary under. */
export const MASTER_NAME = 'faultline';

/** redis.conf: AOF fsynced by `appendfsync` (default every second, Redis's own); replicas follow `primaryIp`. */
export function redisConf(primaryIp: string | undefined, appendfsync: Appendfsync = 'everysec'): string {
  return [
    'bind 0.0.0.0',
    'protected-mode no',
    `port ${REDIS_PORT}`,
    'daemonize yes',
    'pidfile /var/run/faultline/redis.pid',
    `logfile ${REDIS_LOG}`,
    'dir /var/lib/faultline/redis',
    'appendonly yes',
    `appendfsync ${appendfsync}`,
    'replica-read-only yes',
    'repl-diskless-sync yes',
    ...(primaryIp === undefined ? [] : [`replicaof ${primaryIp} ${REDIS_PORT}`]),
    '',
  ].join('\n');
}

/** Timings of failover: a primary unreachable for `downAfterMs` is failed over by a quorum of Sentinels. */
export interface SentinelTimings {
  downAfterMs: number;
  failoverTimeoutMs: number;
}

/** sentinel.conf for one node; Sentinel rewrites this file as it learns the topology. */
export function sentinelConf(primaryIp: string, quorum: number, t: SentinelTimings): string {
  return [
    'bind 0.0.0.0',
    'protected-mode no',
    `port ${SENTINEL_PORT}`,
    'daemonize yes',
    'pidfile /var/run/faultline/sentinel.pid',
    `logfile ${SENTINEL_LOG}`,
    'dir /var/lib/faultline/redis',
    `sentinel monitor ${MASTER_NAME} ${primaryIp} ${REDIS_PORT} ${quorum}`,
    `sentinel down-after-milliseconds ${MASTER_NAME} ${t.downAfterMs}`,
    `sentinel failover-timeout ${MASTER_NAME} ${t.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${MASTER_NAME} 1`,
    '',
  ].join('\n');
}

/** A majority of the Sentinels must agree the primary is down. */
export function sentinelQuorum(nodes: number): number {
  return Math.floor(nodes / 2) + 1;
}
