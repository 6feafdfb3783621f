import { FaultlineError } from '../../src/core/errors.js';
import type { SystemOption } from '../../src/sdk/index.js';

export interface RedisOptions {
  /** `sentinel`: primary + replicas + a Sentinel per node; `single`: one server on n1. */
  mode: 'sentinel' | 'single';
}

/** Redis's own `faultline test` options. */
export const redisOptions: readonly SystemOption[] = [
  {
    key: 'redisMode',
    flag: '--redis-mode <mode>',
    help: 'sentinel (default) | single: a primary with replicas and a Sentinel on every node, or one server',
    choices: ['sentinel', 'single'],
    default: 'sentinel',
  },
];

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

/** Rejects a mode the cluster size cannot run, before anything starts. */
export function validateRedisOptions(options: Readonly<Record<string, unknown>>, nodeCount: number): void {
  const { mode } = parseRedisOptions(options);
  if (mode === 'single' && nodeCount !== 1) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--redis-mode single runs one server, but the cluster has ${nodeCount} nodes.`,
      { hint: 'Add --nodes 1, or use --redis-mode sentinel.' },
    );
  }
  if (mode === 'sentinel' && nodeCount < 3) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `Sentinel needs at least 3 nodes for a majority quorum, got ${nodeCount}.`,
      { hint: 'Use --nodes 3 or more, or --redis-mode single --nodes 1.' },
    );
  }
}
