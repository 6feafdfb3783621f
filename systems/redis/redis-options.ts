import { FaultlineError } from '../../src/core/errors.js';

export interface RedisOptions {
  /** `sentinel`: primary + replicas + a Sentinel per node; `single`: one server on n1. */
  mode: 'sentinel' | 'single';
}

/** The Redis suite's options, as the CLI documents them. */
export const redisOptionDocs = {
  redisMode:
    'sentinel (default) | single: a primary with replicas and a Sentinel on every node, or one server',
} as const;

/** Validates the suite's options from `ctx.options` (`redisMode`). */
export function parseRedisOptions(options: Readonly<Record<string, unknown>>): RedisOptions {
  const mode = options['redisMode'] ?? 'sentinel';
  if (mode !== 'sentinel' && mode !== 'single') {
    throw new FaultlineError('BAD_ARGUMENT', `--redis-mode ${String(mode)} is not valid.`, {
      hint: 'Use --redis-mode sentinel or --redis-mode single.',
    });
  }
  return { mode };
}
