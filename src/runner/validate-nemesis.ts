import type { FaultOp, FaultResult, Nemesis } from '../core/nemesis.js';
import type { SystemContext } from '../core/system.js';
import { errorText } from './validate-client.js';

/**
 * Wraps a nemesis so `invoke` never throws and never hangs past `timeoutMs`: failures become an
 * `info` event with the error (the fault may be half applied; teardown heals it). `teardown` runs at
 * most once at a time and may be called again after it finished.
 */
export function validateNemesis(nemesis: Nemesis, timeoutMs: number): Nemesis {
  let healing: Promise<void> | undefined;
  return {
    name: nemesis.name,
    fs: nemesis.fs,
    setup: (ctx, system) => nemesis.setup(ctx, system),
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<FaultResult>((resolve) => {
        timer = setTimeout(
          () => resolve({ type: 'info', value: op.value, error: `timeout after ${timeoutMs} ms` }),
          timeoutMs,
        );
      });
      try {
        const attempt = Promise.resolve()
          .then(() => nemesis.invoke(ctx, op))
          .then(
            (r): FaultResult =>
              r && r.type === 'info'
                ? r
                : { type: 'info', value: op.value, error: `invalid nemesis result: ${JSON.stringify(r)}` },
            (error: unknown): FaultResult => ({ type: 'info', value: op.value, error: errorText(error) }),
          );
        return await Promise.race([attempt, deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    teardown(ctx) {
      // A second call while one runs (the run's heal racing the cleanup after an interrupt) waits for it.
      healing ??= Promise.resolve()
        .then(() => nemesis.teardown(ctx))
        .finally(() => (healing = undefined));
      return healing;
    },
  };
}
