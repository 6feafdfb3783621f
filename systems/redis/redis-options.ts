import { FaultlineError } from '../../src/core/errors.js';
import type { SystemOption } from '../../src/sdk/index.js';

/** redis.conf's `appendfsync` policies: fsync the AOF before each reply, once a second, or never. */
export const APPENDFSYNC = ['always', 'everysec', 'no'] as const;
export type Appendfsync = (typeof APPENDFSYNC)[number];

export interface RedisOptions {
  /** `sentinel`: primary + replicas + a Sentinel per node; `single`: one server on n1. */
  mode: 'sentinel' | 'single';
  /** When the server fsyncs its append-only file (default `everysec`, Redis's own default). */
  appendfsync: Appendfsync;
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
  {
    key: 'appendfsync',
    flag: '--appendfsync <policy>',
    help: 'everysec (default) | always | no: when the AOF is fsynced; lose-unfsynced needs always',
    choices: APPENDFSYNC,
    default: 'everysec',
  },
];

/** Validates the suite's options from `ctx.options` (`redisMode`, `appendfsync`). */
export function parseRedisOptions(options: Readonly<Record<string, unknown>>): RedisOptions {
  const mode = options['redisMode'] ?? 'sentinel';
  if (mode !== 'sentinel' && mode !== 'single') {
    throw new FaultlineError('BAD_ARGUMENT', `--redis-mode ${String(mode)} is not valid.`, {
      hint: 'Use --redis-mode sentinel or --redis-mode single.',
    });
  }
  const appendfsync = options['appendfsync'] ?? 'everysec';
  if (!(APPENDFSYNC as readonly unknown[]).includes(appendfsync)) {
    throw new FaultlineError('BAD_ARGUMENT', `--appendfsync ${String(appendfsync)} is not valid.`, {
      hint: `Use --appendfsync ${APPENDFSYNC.join(', or ')}.`,
    });
  }
  return { mode, appendfsync: appendfsync as Appendfsync };
}

/**
 * Why this configuration may lose acknowledged writes in a power failure, or undefined when it
 * fsyncs each write before replying (`appendfsync always`): what `storage.notDurable` reports.
 */
export function redisNotDurable(options: Readonly<Record<string, unknown>>): string | undefined {
  const { appendfsync } = parseRedisOptions(options);
  if (appendfsync === 'always') return undefined;
  return `acknowledges writes before it fsyncs them (--appendfsync ${appendfsync}); run it with --appendfsync always`;
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
