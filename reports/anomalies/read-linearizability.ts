import type { Anomaly } from '../../src/core/checker.js';
import { valueLabel } from '../value-label.js';
import { opRef } from './op-context.js';

/** A linearizability counterexample as the report draws it, whatever the checker named its fields. */
export interface LinearizabilityCounterexample {
  key: unknown;
  /** The minimal failing ops (history indexes). */
  ops: number[];
  /** The longest order found that works: each op and the model state after it. */
  steps: { op: number; state: string | undefined }[];
  /** Ops that could not go next, with why (and the state they were tried in, when given). */
  blocked: { op: number; reason: string | undefined; state: string | undefined }[];
  /** The op that had to take effect before it returned, but could not. */
  blocking: number | undefined;
  /** Ops the checker relaxed from ok to info while shrinking (history indexes). */
  relaxed: number[];
  initial: string | undefined;
  /** The model state where the search got stuck. */
  state: string | undefined;
}

function pick(src: Record<string, unknown>, names: readonly string[]): unknown {
  for (const n of names) if (src[n] !== undefined) return src[n];
  return undefined;
}

function stateText(v: unknown): string | undefined {
  return v === undefined ? undefined : valueLabel(v, 200);
}

/**
 * Reads a counterexample from an anomaly: its own fields, or those of a nested `counterexample`.
 * Returns undefined when the anomaly has neither a linearized order nor blocked ops.
 */
export function readLinearizability(anomaly: Anomaly): LinearizabilityCounterexample | undefined {
  const nested = anomaly['counterexample'];
  const src: Record<string, unknown> =
    nested && typeof nested === 'object' && !Array.isArray(nested)
      ? { ...anomaly, ...(nested as Record<string, unknown>) }
      : anomaly;
  const rawSteps = pick(src, ['linearized', 'prefix', 'order', 'linearization', 'steps']);
  const rawBlocked = pick(src, [
    'blocked',
    'stuck',
    'cannotLinearize',
    'unlinearizable',
    'next',
    'candidates',
  ]);
  const states = pick(src, ['states']);
  const steps = (Array.isArray(rawSteps) ? rawSteps : []).flatMap((s: unknown, i) => {
    const op = opRef(s);
    if (op === undefined) return [];
    const fromObj =
      s && typeof s === 'object'
        ? pick(s as Record<string, unknown>, ['state', 'stateAfter', 'after', 'model'])
        : undefined;
    return [{ op, state: stateText(fromObj ?? (Array.isArray(states) ? states[i] : undefined)) }];
  });
  const blocked = (Array.isArray(rawBlocked) ? rawBlocked : []).flatMap((b: unknown) => {
    const op = opRef(b);
    if (op === undefined) return [];
    const r = b && typeof b === 'object' ? (b as Record<string, unknown>) : {};
    const why = pick(r, ['reason', 'why', 'message', 'error']);
    const deadEnd = r['kind'] === 'dead-end' ? ' (it fits, but then nothing else can follow)' : '';
    return [
      {
        op,
        reason: why === undefined ? undefined : valueLabel(why, 300) + deadEnd,
        state: stateText(r['state']),
      },
    ];
  });
  if (steps.length === 0 && blocked.length === 0) return undefined;
  const ops = (anomaly.ops ?? []).filter((i) => Number.isInteger(i));
  const described = Array.isArray(src['ops']) ? (src['ops'] as unknown[]) : [];
  const relaxed = described.flatMap((o) =>
    o && typeof o === 'object' && (o as Record<string, unknown>)['relaxed'] === true ? [opRef(o) ?? -1] : [],
  );
  return {
    key: src['key'],
    ops,
    steps,
    blocked,
    blocking: opRef(src['blocking']),
    relaxed: relaxed.filter((i) => i >= 0),
    initial: stateText(pick(src, ['initialState', 'initial', 'init'])),
    state: stateText(pick(src, ['state', 'finalState', 'lastState', 'stuckState'])),
  };
}
