import type { History, Op } from '../../src/core/op.js';

/** What anomaly renderers need to describe ops: the history and its invoke/complete pairing. */
export interface OpContext {
  history: History;
  partner: Int32Array;
}

/** The invocation index for a history index (a completion maps to its invocation); undefined when out of range. */
export function invocationIndex(ctx: OpContext, index: number): number | undefined {
  const op = ctx.history[index];
  if (!op || !Number.isInteger(index)) return undefined;
  if (op.type === 'invoke') return index;
  const p = ctx.partner[index]!;
  return p >= 0 ? p : index;
}

/** An invocation and its completion (undefined when pending). */
export function opPair(
  ctx: OpContext,
  index: number,
): { invoke: Op; done: Op | undefined; index: number } | undefined {
  const i = invocationIndex(ctx, index);
  if (i === undefined) return undefined;
  const invoke = ctx.history[i]!;
  const p = ctx.partner[i]!;
  return { invoke, done: p >= 0 && p !== i ? ctx.history[p] : undefined, index: i };
}

/**
 * A history index from an anomaly's op reference: a number, or an object with a numeric `index`
 * or `op` field (checkers differ in how they name it).
 */
export function opRef(ref: unknown): number | undefined {
  if (typeof ref === 'number' && Number.isInteger(ref)) return ref;
  if (ref && typeof ref === 'object') {
    const r = ref as Record<string, unknown>;
    for (const k of ['index', 'op', 'opIndex']) {
      const v = r[k];
      if (typeof v === 'number' && Number.isInteger(v)) return v;
      if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)['index'] === 'number') {
        return (v as { index: number }).index;
      }
    }
  }
  return undefined;
}
