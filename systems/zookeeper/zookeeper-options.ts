import { FaultlineError } from '../../src/core/errors.js';
import type { SystemOption } from '../../src/sdk/index.js';

export interface ZookeeperOptions {
  /** sync() before every read, so reads see every write committed before the sync. */
  syncReads: boolean;
}

/** ZooKeeper's own `faultline test` options. */
export const zookeeperOptions: readonly SystemOption[] = [
  {
    key: 'syncReads',
    flag: '--sync-reads',
    help: 'call sync() before each read (default off: reads are served by the local server and may be stale)',
  },
];

/** Validates the suite's options from `ctx.options` (`syncReads`). */
export function parseZookeeperOptions(options: Readonly<Record<string, unknown>>): ZookeeperOptions {
  const v = options['syncReads'] ?? false;
  if (typeof v !== 'boolean') {
    throw new FaultlineError('BAD_ARGUMENT', `syncReads must be true or false, got ${String(v)}.`, {
      hint: 'Pass --sync-reads to sync before reads, or leave it out.',
    });
  }
  return { syncReads: v };
}
