// Random small transactional histories for the oracle tests: a simulated execution whose reads are
// mostly plausible (latest state, an older snapshot, a per-key stale version) with some noise
// (aborted or intermediate values, non-repeatable reads, reads that ignore the txn's own writes),
// aborted and indeterminate transactions, overlapping intervals on up to 3 processes.
import fc from 'fast-check';
import type { History, Op, Value } from '../../../../src/core/op.js';
import type { OracleTxn, OracleWorkload } from './axiomatic-oracle.js';

export interface TxnPlan {
  mops: { read: boolean; key: number; pick: number }[];
  /** Outcome: 0-1 aborted, 2-3 indeterminate, else committed. */
  outcome: number;
  /** How reads choose versions: 0-4 latest, 5-7 one older snapshot, 8-9 per key at random. */
  mode: number;
  lag: number;
  noise: number;
  slack: [number, number];
  process: number;
}

export const txnPlans = (maxTxns = 7): fc.Arbitrary<TxnPlan[]> =>
  fc.array(
    fc.record({
      mops: fc.array(fc.record({ read: fc.boolean(), key: fc.nat(2), pick: fc.nat(30) }), {
        minLength: 1,
        maxLength: 4,
      }),
      outcome: fc.nat(15),
      mode: fc.nat(9),
      lag: fc.nat(4),
      noise: fc.nat(11),
      slack: fc.tuple(fc.nat(30), fc.nat(30)),
      process: fc.nat(2),
    }),
    { minLength: 1, maxLength: maxTxns },
  );

interface Version {
  writer: number;
  state: Value;
}

/** Builds the transactions of a plan: commit order = plan order; reads pick versions as planned. */
export function planTxns(workload: OracleWorkload, plans: TxnPlan[]): OracleTxn[] {
  const list = workload === 'list-append';
  const writeF = list ? 'append' : 'w';
  const history = new Map<number, Version[]>(); // committed versions per key, oldest first
  const stray: Value[][] = [[], [], []]; // values written but never committed, per key
  let next = 0;
  const txns: OracleTxn[] = [];
  plans.forEach((plan, i) => {
    const status = plan.outcome <= 1 ? 'fail' : plan.outcome <= 3 ? 'info' : 'ok';
    const applies = status === 'ok' || (status === 'info' && plan.outcome === 3);
    const own = new Map<number, Value[]>();
    const chosen = new Map<number, Value>();
    const versionsOf = (k: number): Version[] => [
      { writer: -1, state: list ? [] : null },
      ...(history.get(k) ?? []),
    ];
    const pickVersion = (k: number, pick: number): Value => {
      const vs = versionsOf(k);
      if (plan.mode <= 4) return vs[vs.length - 1]!.state;
      if (plan.mode <= 7) return vs[Math.max(0, vs.length - 1 - plan.lag)]!.state;
      return vs[pick % vs.length]!.state;
    };
    const mops: [string, number, Value][] = plan.mops.map(({ read, key, pick }) => {
      if (!read) {
        const v = ++next;
        own.set(key, [...(own.get(key) ?? []), v]);
        return [writeF, key, v];
      }
      let base = chosen.get(key);
      if (base === undefined || plan.noise === 0) {
        base = pickVersion(key, pick + plan.noise);
        chosen.set(key, base);
      }
      if (plan.noise === 1 && stray[key]!.length > 0) {
        // An aborted or intermediate value becomes visible.
        const v = stray[key]![pick % stray[key]!.length]!;
        return ['r', key, list ? [...(base as Value[]), v] : v];
      }
      const mine = own.get(key);
      if (!mine || plan.noise === 2) return ['r', key, base];
      return ['r', key, list ? [...(base as Value[]), ...mine] : mine[mine.length - 1]!];
    });
    for (const [k, vs] of own) {
      if (!applies) {
        stray[k]!.push(...vs);
        continue;
      }
      if (!list) stray[k]!.push(...vs.slice(0, -1));
      const prev = versionsOf(k).at(-1)!.state;
      const state = list ? [...(prev as Value[]), ...vs] : vs[vs.length - 1]!;
      history.set(k, [...(history.get(k) ?? []), { writer: i, state }]);
    }
    const at = 100 * i;
    txns.push({
      process: plan.process,
      status,
      inv: at - 1 - plan.slack[0] * 5,
      end: status === 'info' ? Infinity : at + 1 + plan.slack[1] * 5,
      mops,
    });
  });
  return assignProcesses(txns);
}

/** One op at a time per process, and an info txn ends its process: give clashing txns new processes. */
function assignProcesses(txns: OracleTxn[]): OracleTxn[] {
  const busyUntil = new Map<number, number>();
  let fresh = 100;
  const byInv = txns.map((t, i) => [t, i] as const).sort((a, b) => a[0].inv - b[0].inv);
  for (const [t] of byInv) {
    const free = busyUntil.get(t.process);
    if (free !== undefined && free >= t.inv) t.process = fresh++;
    busyUntil.set(t.process, t.end);
  }
  return txns;
}

/** The history of the transactions: invocations read nil; completions as planned. */
export function txnHistory(txns: OracleTxn[]): History {
  const events: { time: number; op: Omit<Op, 'index' | 'time'> }[] = [];
  for (const t of txns) {
    const invoked = t.mops.map(([f, k, v]) => [f, k, f === 'r' ? null : v]);
    events.push({ time: t.inv, op: { type: 'invoke', process: t.process, f: 'txn', value: invoked } });
    if (t.status === 'info') continue;
    events.push({
      time: t.end,
      op: { type: t.status, process: t.process, f: 'txn', value: t.status === 'ok' ? t.mops : invoked },
    });
  }
  events.sort((a, b) => a.time - b.time);
  const base = events.length ? events[0]!.time : 0;
  return events.map((e, index) => ({ ...e.op, index, time: e.time - base }) as Op);
}
