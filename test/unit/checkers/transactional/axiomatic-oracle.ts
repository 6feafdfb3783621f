// An independent axiomatic checker for small transactional histories (up to about 7 transactions).
// It shares no code with checkers/transactional: it searches commit orders directly and tests each
// model's definition on them, in the abstract-execution style of Cerone, Bernardi & Gotsman (2015)
// and Biswas & Enea (2019), with Adya's PL-2 for read committed.
//
// Semantics, stated once:
// - The committed set C holds every ok transaction and any subset of the indeterminate (info) ones;
//   aborted (fail) ones never commit. Reads of info and fail transactions are unknown.
// - A total commit order co over C fixes the version order of every key: its versions are the
//   initial one (nil or the empty list) and, for each writer of the key in co order, the state after
//   it (rw-register: its last write; list-append: every append so far, in co order).
// - A read of a key the transaction has not written returns one version. A read after the
//   transaction's own writes returns a version followed by its own appends (list-append), or its own
//   last write (rw-register); a read that does not is an internal failure.
// - Read committed (Adya PL-2): each read returns a version whose writer precedes the reader in co
//   (equivalently: a version order with no G1a, G1b, G1c). Internal failures are not constrained.
// - From read atomic up, internal failures are forbidden (Cerone et al.'s INT axiom), and the reads
//   of a transaction return, per key, the version of the co-last writer it sees:
//   - read atomic: it sees its session predecessors and the writers it read from;
//   - causal: it sees its happens-before predecessors, (so ∪ wr)+;
//   - snapshot isolation: it sees a co-prefix that includes every earlier writer of a key it writes;
//   - serializable: it sees every co-predecessor.
// - Read uncommitted (Adya 1999, §4.1, PL-1: no G0) and consistent view (Adya 1999, §4.4, PL-2+:
//   no G1a, G1b, G1c, no G-single) are decided on the direct serialization graph (DSG) of the
//   committed transactions under a version order. With no ww cycle (both forbid G0) every choice of
//   per-key version orders extends to a total order of the committed set, so enumerating commit
//   orders co enumerates every version order either model could accept.
//   - PL-1: reads create no constraint but must return some state that existed. As the checker
//     documents for list-append, a key is one sequence of appends, aborted ones included (they stay
//     in place): for PL-1 the order therefore also places any subset of the failed transactions,
//     and a read returns the state after some write in it (intermediate ones included: a writer's
//     version predecessor plus a prefix of its appends). No read returns its own later write (a
//     future read).
//   - PL-2+: each read returns the final state of a committed writer that precedes the reader in co
//     (no G1a, G1b; wr then follows co, which with ww along co rules out G1c), and no rw edge t -> u
//     (u installs the version after the one t read) has a ww/wr path from u back to t (G-single).
//     Internal failures are forbidden, as `--consistency consistent-view` ranks them (Adya's model
//     has no reads of own writes; the checker follows Cerone et al.'s INT axiom here).
// - Strong-session variants add session order to what each transaction sees; real-time variants add
//   every transaction that completed before it was invoked. These orders bind an info transaction
//   too: if it commits, it commits after them (its reads stay unknown).
import type { Value } from '../../../../src/core/op.js';

export type OracleWorkload = 'list-append' | 'rw-register';

export interface OracleTxn {
  process: number;
  status: 'ok' | 'fail' | 'info';
  /** Invocation and completion times; `end` is Infinity for info transactions. */
  inv: number;
  end: number;
  /** Micro-ops as completed: ['r', key, value] or ['w'|'append', key, value]. */
  mops: [string, number, Value][];
}

type Base =
  | 'read-uncommitted'
  | 'consistent-view'
  | 'read-committed'
  | 'read-atomic'
  | 'causal'
  | 'snapshot-isolation'
  | 'serializable';

interface ModelDefinition {
  base: Base;
  session: boolean;
  realtime: boolean;
}

/** The `--consistency` names this oracle decides, with their definitions. */
export const ORACLE_MODELS: Record<string, ModelDefinition> = {
  'read-uncommitted': { base: 'read-uncommitted', session: false, realtime: false },
  'consistent-view': { base: 'consistent-view', session: false, realtime: false },
  'read-committed': { base: 'read-committed', session: false, realtime: false },
  'read-atomic': { base: 'read-atomic', session: true, realtime: false },
  causal: { base: 'causal', session: true, realtime: false },
  'snapshot-isolation': { base: 'snapshot-isolation', session: false, realtime: false },
  serializable: { base: 'serializable', session: false, realtime: false },
  'strong-session-snapshot-isolation': { base: 'snapshot-isolation', session: true, realtime: false },
  'strong-session-serializable': { base: 'serializable', session: true, realtime: false },
  'strong-snapshot-isolation': { base: 'snapshot-isolation', session: true, realtime: true },
  'strict-serializable': { base: 'serializable', session: true, realtime: true },
  // Adya 1999 (thesis, §4.2–4.3): PL-2.99 proscribes G1 and G2-item, PL-3 G1 and G2. These
  // histories have item reads only (no predicates), so every anti-dependency is an item one and
  // G2 is G2-item: repeatable read coincides with PL-3 here, and is decided as serializable.
  'repeatable-read': { base: 'serializable', session: false, realtime: false },
};

/** One read's observable part: the version it returned (for a read after own appends, without them). */
interface VersionRead {
  key: number;
  seen: string;
}

interface Prepared {
  workload: OracleWorkload;
  txns: OracleTxn[];
  reads: VersionRead[][];
  internalFailure: boolean[];
  /** Keys each transaction writes. */
  writes: Set<number>[];
  /** Transactions that must precede t in session order / real time (committed ones only). */
  sessionPreds: number[][];
  realtimePreds: number[][];
  /** Writers t read from (by the unique values), or undefined when some read has no possible writer. */
  readWriters: (Set<number> | undefined)[];
  happensBefore: Set<number>[];
}

const show = (v: Value): string => JSON.stringify(v);

/** The states a key goes through under commit order `order`: initial first, with their writers. */
function versions(p: Prepared, order: readonly number[], key: number): { writer: number; seen: string }[] {
  const list = p.workload === 'list-append';
  let state: Value[] = [];
  const out = [{ writer: -1, seen: list ? show([]) : show(null) }];
  for (const t of order) {
    let wrote = false;
    let last: Value = null;
    for (const [f, k, v] of p.txns[t]!.mops) {
      if (f === 'r' || k !== key) continue;
      wrote = true;
      last = v;
      if (list) state = [...state, v];
    }
    if (wrote) out.push({ writer: t, seen: list ? show(state) : show(last) });
  }
  return out;
}

function prepare(workload: OracleWorkload, txns: OracleTxn[]): Prepared {
  const n = txns.length;
  const reads: VersionRead[][] = [];
  const internalFailure: boolean[] = [];
  const writes: Set<number>[] = [];
  for (const t of txns) {
    const own = new Map<number, Value[]>();
    const rs: VersionRead[] = [];
    let bad = false;
    for (const [f, k, v] of t.mops) {
      if (f !== 'r') {
        own.set(k, [...(own.get(k) ?? []), v]);
        continue;
      }
      if (t.status !== 'ok') continue;
      const mine = own.get(k);
      if (mine === undefined) {
        rs.push({ key: k, seen: show(workload === 'list-append' ? (v ?? []) : v) });
        continue;
      }
      if (workload === 'rw-register') {
        if (show(v) !== show(mine[mine.length - 1]!)) bad = true;
        continue;
      }
      const r = (v as Value[] | null) ?? [];
      const cut = r.length - mine.length;
      if (cut < 0 || show(r.slice(cut)) !== show(mine)) bad = true;
      else rs.push({ key: k, seen: show(r.slice(0, cut)) });
    }
    reads.push(rs);
    internalFailure.push(bad);
    writes.push(new Set(own.keys()));
  }
  const committable = (u: number): boolean => txns[u]!.status !== 'fail';
  const sessionPreds = txns.map((t, i) =>
    txns.flatMap((u, j) =>
      j !== i && committable(j) && u.process === t.process && u.end < t.inv ? [j] : [],
    ),
  );
  const realtimePreds = txns.map((t, i) =>
    txns.flatMap((u, j) => (j !== i && committable(j) && u.end < t.inv ? [j] : [])),
  );
  // The writer of each read, from unique values: rw-register's value, list-append's last element.
  const writerOf = (key: number, seen: string): number | undefined => {
    const v = JSON.parse(seen) as Value;
    const last = workload === 'list-append' ? ((v as Value[]).length ? (v as Value[]).at(-1)! : null) : v;
    if (last === null) return -1;
    const w = txns.findIndex((t) =>
      t.mops.some(([f, k, x]) => f !== 'r' && k === key && show(x) === show(last)),
    );
    return w >= 0 && committable(w) ? w : undefined;
  };
  const readWriters = reads.map((rs) => {
    const out = new Set<number>();
    for (const r of rs) {
      const w = writerOf(r.key, r.seen);
      if (w === undefined) return undefined;
      if (w >= 0) out.add(w);
    }
    return out;
  });
  const happensBefore = Array.from(
    { length: n },
    (_, t) => new Set([...sessionPreds[t]!, ...(readWriters[t] ?? [])]),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (let t = 0; t < n; t++) {
      for (const u of [...happensBefore[t]!]) {
        for (const w of happensBefore[u]!) {
          if (!happensBefore[t]!.has(w)) {
            happensBefore[t]!.add(w);
            changed = true;
          }
        }
      }
    }
  }
  return {
    workload,
    txns,
    reads,
    internalFailure,
    writes,
    sessionPreds,
    realtimePreds,
    readWriters,
    happensBefore,
  };
}

/** State of `key` after the co-last writer among `seen` (initial when none), under `order`. */
function stateSeen(p: Prepared, order: readonly number[], key: number, seen: ReadonlySet<number>): string {
  const vs = versions(p, order, key);
  for (let i = vs.length - 1; i > 0; i--) if (seen.has(vs[i]!.writer)) return vs[i]!.seen;
  return vs[0]!.seen;
}

/** Whether t may commit right after `order` (its co-predecessors), by the model's definition. */
function mayCommit(p: Prepared, m: ModelDefinition, order: readonly number[], t: number): boolean {
  const txn = p.txns[t]!;
  const placed = new Set(order);
  const mustSee = new Set<number>();
  if (m.session || m.base === 'read-atomic' || m.base === 'causal')
    for (const u of p.sessionPreds[t]!) mustSee.add(u);
  if (m.realtime) for (const u of p.realtimePreds[t]!) mustSee.add(u);
  // An info transaction that commits does so after its session (and real-time) predecessors.
  for (const u of mustSee) if (!placed.has(u)) return false;
  if (txn.status !== 'ok') return true; // info reads are unknown; nothing else constrains them
  const reads = p.reads[t]!;
  if (m.base === 'read-uncommitted') return true; // reads are checked on the whole order
  if (m.base === 'consistent-view' && p.internalFailure[t]) return false;
  if (m.base === 'read-committed' || m.base === 'consistent-view') {
    return reads.every((r) => versions(p, order, r.key).some((v) => v.seen === r.seen));
  }
  if (p.internalFailure[t]) return false;
  switch (m.base) {
    case 'read-atomic':
    case 'causal': {
      const writers = p.readWriters[t];
      if (writers === undefined) return false;
      const seen = new Set(m.base === 'causal' ? p.happensBefore[t]! : [...mustSee, ...writers]);
      for (const u of mustSee) seen.add(u);
      for (const u of seen) if (!placed.has(u)) return false;
      return reads.every((r) => stateSeen(p, order, r.key, seen) === r.seen);
    }
    case 'serializable':
      return reads.every((r) => stateSeen(p, order, r.key, placed) === r.seen);
    case 'snapshot-isolation': {
      // The snapshot is a co-prefix; it holds what t must see and every earlier writer of t's keys.
      let low = 0;
      order.forEach((u, i) => {
        if (mustSee.has(u) || [...p.writes[u]!].some((k) => p.writes[t]!.has(k))) low = i + 1;
      });
      for (let s = low; s <= order.length; s++) {
        const snapshot = new Set(order.slice(0, s));
        if (reads.every((r) => stateSeen(p, order, r.key, snapshot) === r.seen)) return true;
      }
      return false;
    }
  }
}

/** Every state of `key` a PL-1 read by t may return under commit order `order` (see the header). */
function existingStates(p: Prepared, order: readonly number[], key: number, t: number): Set<string> {
  const committed = versions(p, order, key);
  const out = new Set(committed.map((v) => v.seen));
  const list = p.workload === 'list-append';
  const writesOf = (u: number): Value[] =>
    p.txns[u]!.mops.flatMap(([f, k, v]) => (f !== 'r' && k === key ? [v] : []));
  committed.forEach((v, i) => {
    if (i === 0) return;
    const before = JSON.parse(committed[i - 1]!.seen) as Value;
    const ws = writesOf(v.writer);
    for (let j = 1; j < ws.length; j++)
      out.add(show(list ? [...(before as Value[]), ...ws.slice(0, j)] : ws[j - 1]!));
  });
  // A state holding t's own write of the key would be a future read.
  const mine = new Set(writesOf(t).map(show));
  for (const s of out) {
    const v = JSON.parse(s) as Value;
    if ((list ? (v as Value[]) : [v]).some((x) => mine.has(show(x)))) out.delete(s);
  }
  return out;
}

/** Whether the whole commit order satisfies what `mayCommit` cannot check on a prefix. */
function orderAllowed(p: Prepared, m: ModelDefinition, order: readonly number[]): boolean {
  if (m.base === 'read-uncommitted')
    return order.every(
      (t) =>
        p.txns[t]!.status !== 'ok' ||
        p.reads[t]!.every((r) => existingStates(p, order, r.key, t).has(r.seen)),
    );
  if (m.base !== 'consistent-view') return true;
  // DSG dependency edges (ww between consecutive versions, wr) and anti-dependency edges (rw).
  const n = p.txns.length;
  const deps = Array.from({ length: n }, () => new Set<number>());
  const antis: [number, number][] = [];
  const keys = new Set(p.txns.flatMap((x) => x.mops.map(([, k]) => k)));
  for (const key of keys) {
    const vs = versions(p, order, key);
    for (let i = 2; i < vs.length; i++) deps[vs[i - 1]!.writer]!.add(vs[i]!.writer);
    for (const t of order) {
      if (p.txns[t]!.status !== 'ok') continue;
      for (const r of p.reads[t]!) {
        if (r.key !== key) continue;
        const i = vs.findIndex((v) => v.seen === r.seen);
        if (i > 0) deps[vs[i]!.writer]!.add(t);
        const next = vs[i + 1];
        if (next && next.writer !== t) antis.push([t, next.writer]);
      }
    }
  }
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const u = stack.pop()!;
      if (u === to) return true;
      for (const w of deps[u]!) {
        if (seen.has(w)) continue;
        seen.add(w);
        stack.push(w);
      }
    }
    return false;
  };
  return antis.every(([t, u]) => !reaches(u, t));
}

/** Whether some committed set and commit order satisfy model `name`: the history is allowed. */
export function oracleAllows(workload: OracleWorkload, txns: OracleTxn[], name: string): boolean {
  const m = ORACLE_MODELS[name];
  if (!m) throw new Error(`the oracle does not define ${name}`);
  const p = prepare(workload, txns);
  const mustCommit = txns.filter((t) => t.status === 'ok').length;
  const order: number[] = [];
  const used = new Array<boolean>(txns.length).fill(false);
  const search = (committedOk: number): boolean => {
    if (committedOk === mustCommit && orderAllowed(p, m, order)) return true;
    for (let t = 0; t < txns.length; t++) {
      if (
        used[t] ||
        (txns[t]!.status === 'fail' && m.base !== 'read-uncommitted') ||
        !mayCommit(p, m, order, t)
      )
        continue;
      used[t] = true;
      order.push(t);
      const found = search(committedOk + (txns[t]!.status === 'ok' ? 1 : 0));
      order.pop();
      used[t] = false;
      if (found) return true;
    }
    return false;
  };
  return search(0);
}
