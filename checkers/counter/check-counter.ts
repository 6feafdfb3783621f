import { anomalyKinds, withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { Anomaly, CheckResult, Checker } from '../../src/core/checker.js';
import { HistoryError } from '../../src/core/errors.js';
import type { History, Op } from '../../src/core/op.js';
import { clientOps } from '../set/client-ops.js';

/** Every anomaly id this checker can report: the one place each is defined. */
const anomalies = anomalyKinds([
  {
    id: 'too-low',
    name: 'read too low',
    description: 'A counter read was below every value the counter could have had while the read ran.',
  },
  {
    id: 'too-high',
    name: 'read too high',
    description: 'A counter read was above every value the counter could have had while the read ran.',
  },
]);

export interface CounterOptions {
  /** The counter's value before the test; 0 unless given. */
  initial?: number;
}

function numberOf(op: Op, what: string): number {
  const v = op.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw new HistoryError(`${what} (op #${op.index}) has non-numeric value ${String(v)}`, {
    hint: "A counter's adds carry a number and its reads return one.",
  });
}

/**
 * Checks a counter: ops `add d` and `read` returning a number. A read must lie within
 * [initial + definite + every possible negative add, initial + definite + every possible positive
 * add], where definite adds are ok adds that completed before the read began and possible adds are
 * non-failed adds invoked before the read completed (ok, info or pending) that were not definite.
 * With only positive adds this is Jepsen's rule: at least the acknowledged sum, at most the attempted sum.
 */
export function checkCounter(history: History, options: CounterOptions = {}): CheckResult {
  const initial = options.initial ?? 0;
  const ops = clientOps(history);
  // Events on the history's positions: +d on invoke (possible), move to definite on ok completion.
  const events: { at: number; kind: 'invoke' | 'ok' | 'read-invoke' | 'read-ok'; d: number; i: number }[] =
    [];
  let reads = 0;
  let adds = 0;
  for (const [i, o] of ops.entries()) {
    if (o.invoke.f === 'add') {
      if (o.outcome === 'fail') continue;
      adds++;
      const d = numberOf(o.invoke, 'add');
      events.push({ at: o.invokedAt, kind: 'invoke', d, i });
      if (o.outcome === 'ok') events.push({ at: o.completedAt, kind: 'ok', d, i });
    } else if (o.invoke.f === 'read' && o.outcome === 'ok') {
      reads++;
      events.push({ at: o.invokedAt, kind: 'read-invoke', d: 0, i });
      events.push({ at: o.completedAt, kind: 'read-ok', d: 0, i });
    }
  }
  events.sort((a, b) => a.at - b.at);
  let possiblePos = 0; // positive parts of all non-failed adds invoked so far
  let possibleNeg = 0;
  let definitePos = 0; // positive parts of adds acknowledged so far
  let definiteNeg = 0;
  const atInvoke = new Map<number, { pos: number; neg: number }>();
  const found: Anomaly[] = [];
  const bounds: { op: number; value: number; lower: number; upper: number }[] = [];
  for (const e of events) {
    switch (e.kind) {
      case 'invoke':
        if (e.d > 0) possiblePos += e.d;
        else possibleNeg += e.d;
        break;
      case 'ok':
        if (e.d > 0) definitePos += e.d;
        else definiteNeg += e.d;
        break;
      case 'read-invoke':
        atInvoke.set(e.i, { pos: definitePos, neg: definiteNeg });
        break;
      case 'read-ok': {
        const o = ops[e.i]!;
        const value = numberOf(o.complete!, 'read');
        const d = atInvoke.get(e.i)!;
        const lower = initial + d.pos + possibleNeg;
        const upper = initial + d.neg + possiblePos;
        bounds.push({ op: o.invoke.index, value, lower, upper });
        if (value < lower || value > upper) {
          const id = value < lower ? 'too-low' : 'too-high';
          found.push({
            id,
            message: `read ${value} is ${value < lower ? 'below' : 'above'} the possible range [${lower}, ${upper}]`,
            ops: [o.invoke.index],
            value,
            lower,
            upper,
          });
        }
        break;
      }
    }
  }
  const result: CheckResult = {
    checker: 'counter',
    valid: found.length === 0,
    anomalies: found,
    stats: { adds, reads },
    reads: bounds,
  };
  if (reads === 0) {
    result.valid = 'unknown';
    result.unknownReason = 'the history has no successful read, so nothing can be checked';
  }
  return withAnomalyKinds(result, anomalies);
}

/** The counter checker as a registry entry. */
export const counterChecker: Checker<CounterOptions> = {
  name: 'counter',
  description: 'Increments and reads of a counter: every read lies within the bounds the adds allow.',
  anomalies,
  check: (history, options) => checkCounter(history, options),
};
