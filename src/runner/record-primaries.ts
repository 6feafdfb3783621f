import type { FaultOp, FaultResult, Nemesis } from '../core/nemesis.js';
import type { Value } from '../core/op.js';
import type { System, SystemContext } from '../core/system.js';
import { errorText } from './validate-client.js';

/** How long a primaries lookup may take before the event records `primaries: null`. */
export const PRIMARIES_TIMEOUT_MS = 5000;

/** What one lookup saw: the primaries, or null and why when the system could not say in time. */
export type PrimariesSeen = { primaries: string[] } | { primaries: null; primariesError: string };

/** The system's primaries now (`HasPrimaries`); never throws, never waits past `timeoutMs`. */
export async function observePrimaries(
  system: System,
  ctx: SystemContext,
  timeoutMs = PRIMARIES_TIMEOUT_MS,
): Promise<PrimariesSeen | undefined> {
  const has = system.primaries;
  if (!has) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<PrimariesSeen>((resolve) => {
    timer = setTimeout(
      () => resolve({ primaries: null, primariesError: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const lookup = Promise.resolve()
    .then(() => has.primaries(ctx))
    .then(
      (p): PrimariesSeen =>
        Array.isArray(p) && p.every((n) => typeof n === 'string')
          ? { primaries: [...p] }
          : { primaries: null, primariesError: `invalid primaries: ${JSON.stringify(p)}` },
      (error: unknown): PrimariesSeen => ({ primaries: null, primariesError: errorText(error) }),
    );
  try {
    return await Promise.race([lookup, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** `value` with what the lookup saw merged in; a value that is not an object moves to `value.value`. */
export function withPrimaries(value: Value, seen: PrimariesSeen): Value {
  const base = value === null ? {} : typeof value === 'object' && !Array.isArray(value) ? value : { value };
  return { ...base, ...seen };
}

/**
 * Wraps a nemesis so that, for a system with `primaries`, every fault completion's value also
 * records the primaries seen right after the fault op, e.g. `{ healed: [...], primaries: ['n2'] }`.
 * A failed or slow lookup gives `primaries: null` and `primariesError`; the fault result is kept.
 */
export function recordPrimaries(nemesis: Nemesis, timeoutMs = PRIMARIES_TIMEOUT_MS): Nemesis {
  let system: System | undefined;
  return {
    name: nemesis.name,
    fs: nemesis.fs,
    setup(ctx, sys) {
      system = sys;
      return nemesis.setup(ctx, sys);
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      const result = await nemesis.invoke(ctx, op);
      const seen = system ? await observePrimaries(system, ctx, timeoutMs) : undefined;
      return seen ? { ...result, value: withPrimaries(result.value, seen) } : result;
    },
    teardown: (ctx) => nemesis.teardown(ctx),
  };
}
