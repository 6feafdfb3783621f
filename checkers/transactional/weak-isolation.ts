import type { Anomaly } from '../../src/core/checker.js';
import type { Verdict } from '../../src/core/verdict.js';
import { cycleAnomaly } from './cycle-anomaly.js';
import { toCsr } from './csr-graph.js';
import { EdgeList } from './edge-list.js';
import { PROCESS, WR, WW } from './edge-kinds.js';
import { findCycles } from './find-cycles.js';
import type { ReadFrom } from './inference.js';
import { SessionWriters } from './session-writers.js';
import { FAIL, WRITE, type TxnHistory } from './txn-history.js';
import { keyName, txnName } from './txn-names.js';
import { UNOBSERVED } from './list-append-explain.js';
import { showValue } from '../models/show-value.js';

export type WeakLevel = 'read-committed' | 'read-atomic' | 'causal';

/** Anomaly id reported for a violation of each level's axiom (Biswas & Enea 2019). */
export const AXIOM_IDS: Record<WeakLevel, string> = {
  'read-committed': 'rc-axiom',
  'read-atomic': 'ra-axiom',
  causal: 'cc-axiom',
};

export interface WeakIsolationResult {
  valid: Verdict;
  anomalies: Anomaly[];
  unknownReason?: string;
  stats: Record<string, number>;
}

/** Extra commit-order edges (list-append version orders shown by reads: ww edges with aux >= 0), with their reasons. */
export interface ExtraOrder {
  list: EdgeList;
  explain(e: number): string;
  /** List semantics: position of t's last append to key k in the version order (2^31-1: no read shows it). */
  versionPos?(t: number, k: number): number;
}

/** Largest vector-clock table (txns x sessions) this pass allocates. */
const MAX_CLOCK_CELLS = 100_000_000;

/**
 * Read committed, read atomic and causal consistency by the axioms of Biswas & Enea (2019), with
 * vector clocks as in AWDIT (Møldrup et al., PLDI 2025). Every read must come from one known writer
 * (unique writes). Happens-before is so ∪ wr; for a read of x from t1 in t3, every other writer t2
 * of x that t3 must see (RC: so-before t3 or read by an earlier read of t3; RA: so-before t3 or read
 * anywhere by t3; CC: happens-before t3) must commit before t1. Per session only the last such
 * writer matters (the others are so-before it), so a read costs O(sessions · log n). The history
 * satisfies the level iff so ∪ wr plus these edges is acyclic; a witness cycle is reported if not.
 */
export function weakIsolation(
  h: TxnHistory,
  rf: ReadFrom,
  level: WeakLevel,
  extra?: ExtraOrder,
  budget = 10_000_000,
): WeakIsolationResult {
  const id = AXIOM_IDS[level];
  const n = h.n;
  const ns = h.processNames.length;
  const nk = h.keyNames.length;
  const T = (t: number): string => txnName(h, t);
  const K = (k: number): string => keyName(h, k);
  const stats: Record<string, number> = { reads: rf.reader.length, sessions: ns };
  const co = new EdgeList();
  const extraOrig: number[] = [];
  if (extra) {
    for (let e = 0; e < extra.list.length; e++) {
      // Orders a read showed (aux >= 0), and a committed append no read showed after the last one
      // shown (UNOBSERVED: a read is a prefix of the key's sequence, which follows commit order);
      // not an order a completion assumed, nor edges of aborted txns (ruled out as G1a already).
      const aux = extra.list.aux[e]!;
      if (extra.list.kind[e] !== WW || (aux < 0 && aux !== UNOBSERVED)) continue;
      if (h.status[extra.list.from[e]!] === FAIL || h.status[extra.list.to[e]!] === FAIL) continue;
      co.add(extra.list.from[e]!, extra.list.to[e]!, WW, extra.list.key[e]!, -2 - extraOrig.length);
      extraOrig.push(e);
    }
  }
  // Sessions: position of each non-aborted txn within its process.
  const pos = new Int32Array(n).fill(-1);
  const count = new Int32Array(ns);
  const last = new Int32Array(ns).fill(-1);
  for (let t = 0; t < n; t++) {
    if (h.status[t] === FAIL) continue;
    const p = h.proc[t]!;
    pos[t] = count[p]!++;
    if (last[p]! >= 0) co.add(last[p]!, t, PROCESS);
    last[p] = t;
  }
  // Reads grouped by reader (counting sort), in micro-op order within a reader.
  const nr = rf.reader.length;
  const rStart = new Int32Array(n + 1);
  for (let i = 0; i < nr; i++) rStart[rf.reader[i]! + 1]!++;
  for (let t = 0; t < n; t++) rStart[t + 1]! += rStart[t]!;
  const rFill = rStart.slice(0, n);
  const rOrder = new Int32Array(nr);
  for (let i = 0; i < nr; i++) {
    rOrder[rFill[rf.reader[i]!]!++] = i;
    if (rf.writer[i]! >= 0) co.add(rf.writer[i]!, rf.reader[i]!, WR, rf.key[i]!, rf.mop[i]!);
  }
  for (let t = 0; t < n; t++)
    rOrder.subarray(rStart[t]!, rStart[t + 1]!).sort((a, b) => rf.mop[a]! - rf.mop[b]!);
  const hbEdges = co.length;
  const hb = toCsr(n, co);
  const indeg = new Int32Array(n);
  for (let e = 0; e < hbEdges; e++) if (co.kind[e] !== WW) indeg[co.to[e]!]!++;
  const topo = new Int32Array(n);
  let tn = 0;
  for (let t = 0; t < n; t++) if (h.status[t] !== FAIL && indeg[t] === 0) topo[tn++] = t;
  let live = 0;
  for (let t = 0; t < n; t++) if (h.status[t] !== FAIL) live++;
  for (let q = 0; q < tn; q++) {
    const t = topo[q]!;
    for (let i = hb.start[t]!; i < hb.start[t + 1]!; i++) {
      const e = hb.edges[i]!;
      if (co.kind[e] === WW) continue;
      const u = co.to[e]!;
      if (--indeg[u]! === 0) topo[tn++] = u;
    }
  }
  const explain = (e: number): string => {
    const a = co.from[e]!;
    const b = co.to[e]!;
    const aux = co.aux[e]!;
    switch (co.kind[e]) {
      case PROCESS:
        return `process ${String(h.processNames[h.proc[a]!])} ran ${T(a)} before ${T(b)}, so ${T(a)} < ${T(b)}`;
      case WR:
        return `${T(b)} read key ${K(co.key[e]!)} = ${showValue(h.mopVal[aux]!)}, written by ${T(a)}, so ${T(a)} < ${T(b)}`;
      default:
        if (aux <= -2) return extra!.explain(extraOrig[-2 - aux]!);
        return `${T(h.mopTxn[aux]!)} read key ${K(co.key[e]!)} from ${T(b)} although ${T(a)}, which also writes key ${K(co.key[e]!)}, is visible to it, so ${T(a)}'s write must come first: ${T(a)} < ${T(b)}`;
    }
  };
  const witness = (what: string): WeakIsolationResult => {
    const found = findCycles(
      toCsr(n, co),
      [{ id, allowed: WW | WR | PROCESS, start: what === 'hb' ? WR : WW, need: 0, rw: 'none' }],
      budget,
      1,
    );
    const anomalies = found.witnesses.map((w) =>
      cycleAnomaly(
        h,
        co,
        w.edges,
        id,
        explain,
        what === 'hb' ? 'session order and reads-from form a cycle: ' : '',
      ),
    );
    if (anomalies.length === 0) {
      anomalies.push({
        id,
        message: `${id}: the commit order constraints of ${level} form a cycle (the witness search ran out of budget).`,
        ops: [],
      });
    }
    return { valid: false, anomalies, stats };
  };
  if (tn < live) return witness('hb');

  // Vector clocks (causal only): vc[t*ns + s] = last position in session s that happens before or is t.
  let vc: Int32Array | undefined;
  if (level === 'causal') {
    if (n * ns > MAX_CLOCK_CELLS) {
      return {
        valid: 'unknown',
        anomalies: [],
        unknownReason: `${n} transactions x ${ns} sessions exceed the vector-clock table limit (${MAX_CLOCK_CELLS} cells); many crashed (info) processes each start a new session`,
        stats,
      };
    }
    // Pull in topological order: start from the session predecessor's clock, then merge only the
    // writers read that the clock does not know yet (a known writer's past is already included).
    vc = new Int32Array(n * ns);
    const prevInSession = new Int32Array(ns).fill(-1);
    const soPred = new Int32Array(n).fill(-1);
    for (let t = 0; t < n; t++) {
      if (h.status[t] === FAIL) continue;
      soPred[t] = prevInSession[h.proc[t]!]!;
      prevInSession[h.proc[t]!] = t;
    }
    let merges = 0;
    for (let q = 0; q < tn; q++) {
      const t = topo[q]!;
      const bt = t * ns;
      const sp = soPred[t]!;
      if (sp >= 0) vc.copyWithin(bt, sp * ns, sp * ns + ns);
      else vc.fill(-1, bt, bt + ns);
      vc[bt + h.proc[t]!] = pos[t]!;
      for (let r = rStart[t]!; r < rStart[t + 1]!; r++) {
        const p = rf.writer[rOrder[r]!]!;
        if (p < 0 || p === t || vc[bt + h.proc[p]!]! >= pos[p]!) continue;
        merges++;
        const bp = p * ns;
        for (let s = 0; s < ns; s++) if (vc[bp + s]! > vc[bt + s]!) vc[bt + s] = vc[bp + s]!;
      }
    }
    stats['clockMerges'] = merges;
  }
  const vp = extra?.versionPos;
  const writers = new SessionWriters(h, pos, vp);
  const { writes, keyFirst, slotSess, flatLatest, flatLatestPos } = writers;
  const lastIndexIn = (slot: number, lo: number, hi: number): number => writers.lastIndexIn(slot, lo, hi);
  const lastIn = (slot: number, lo: number, hi: number): number => writers.lastIn(slot, lo, hi);
  const lastWriter = (k: number, s: number, j: number): number => writers.lastWriter(k, s, j);
  const anomalies: Anomaly[] = [];
  let initViolations = 0;
  // A list read's version part: without the reader's own appends.
  const readLen = (i: number): number =>
    rf.len?.[i] ?? ((h.mopVal[rf.mop[i]!] as unknown[] | null) ?? []).length;
  const constrain = (t2: number, t1: number, t3: number, i: number): void => {
    if (t2 < 0 || t2 === t1 || t2 === t3) return;
    const k = rf.key[i]!;
    // A list read shows every append it sees: a visible append missing from it is a violation outright.
    const missing = vp !== undefined && vp(t2, k) >= readLen(i);
    if (t1 < 0 || missing) {
      initViolations++;
      if (anomalies.length < 8) {
        let written = '?';
        for (let m = h.mopStart[t2]!; m < h.mopStart[t2 + 1]!; m++) {
          if (h.mopKind[m] === WRITE && h.mopKey[m] === k) written = showValue(h.mopVal[m]!);
        }
        const what = missing ? `, without ${T(t2)}'s append of ${written},` : ', the initial state,';
        const seen =
          level === 'causal'
            ? `${T(t2)} happens before ${T(t3)} (session order and reads)`
            : level === 'read-atomic'
              ? `${T(t3)} must see all of ${T(t2)} (same session before it, or it read from ${T(t2)})`
              : `${T(t3)} must see ${T(t2)} (same session before it, or an earlier read of ${T(t3)} read from it)`;
        anomalies.push({
          id,
          message: `${id}: ${T(t3)} read key ${K(k)} = ${showValue(h.mopVal[rf.mop[i]!]!)}${what} although ${T(t2)} wrote ${written} to key ${K(k)} and ${seen}.`,
          ops: [h.inv[t2]!, h.inv[t3]!],
          key: h.keyNames[k],
        });
      }
      return;
    }
    if (vp) return; // shown: the version order (extra edges) already places t2 before t1
    // Already implied by session order or happens-before.
    if (h.proc[t2] === h.proc[t1] && pos[t2]! < pos[t1]!) return;
    if (vc && vc[t1 * ns + h.proc[t2]!]! >= pos[t2]!) return;
    co.add(t2, t1, WW, k, rf.mop[i]!);
  };
  for (let t3 = 0; t3 < n; t3++) {
    const r0 = rStart[t3]!;
    const r1 = rStart[t3 + 1]!;
    if (r0 === r1) continue;
    const s3 = h.proc[t3]!;
    for (let r = r0; r < r1; r++) {
      const i = rOrder[r]!;
      const k = rf.key[i]!;
      const t1 = rf.writer[i]!;
      const len = flatLatest ? readLen(i) : 0;
      if (vc) {
        const b3 = t3 * ns;
        const b1 = t1 * ns;
        for (let slot = keyFirst[k]!; slot < keyFirst[k + 1]!; slot++) {
          const s = slotSess[slot]!;
          const lim = s === s3 ? pos[t3]! - 1 : vc[b3 + s]!;
          if (lim < 0) continue;
          // Writers t1 already knows of happen before t1: only those in (known by t1, known by t3] count.
          if (flatLatest) {
            // Every append of session s that t3 sees must be in its read: check the latest one.
            const j = lastIndexIn(slot, -1, lim);
            if (j >= 0 && flatLatestPos![j]! >= len) constrain(flatLatest[j]!, t1, t3, i);
            continue;
          }
          const known = t1 >= 0 ? vc[b1 + s]! : -1;
          if (known >= lim) continue;
          constrain(lastIn(slot, known, lim), t1, t3, i);
        }
        continue;
      }
      if (flatLatest) {
        for (let slot = keyFirst[k]!; slot < keyFirst[k + 1]!; slot++) {
          if (slotSess[slot] !== s3) continue;
          const j = lastIndexIn(slot, -1, pos[t3]! - 1);
          if (j >= 0) constrain(flatLatest[j]!, t1, t3, i);
        }
      } else constrain(lastWriter(k, s3, pos[t3]! - 1), t1, t3, i);
      // RA: anything t3 read from; RC: only what earlier reads of t3 read from.
      const upto = level === 'read-atomic' ? r1 : r;
      for (let r2 = r0; r2 < upto; r2++) {
        const t2 = rf.writer[rOrder[r2]!]!;
        if (t2 >= 0 && writes.has(t2 * nk + k)) constrain(t2, t1, t3, i);
      }
    }
  }
  stats['inferredEdges'] = co.length - hbEdges;
  if (initViolations > 0) {
    stats['initialReadViolations'] = initViolations;
    return { valid: false, anomalies, stats };
  }
  // Acyclicity of the full commit-order constraints.
  const all = toCsr(n, co);
  const deg = new Int32Array(n);
  for (let e = 0; e < co.length; e++) deg[co.to[e]!]!++;
  const queue: number[] = [];
  for (let t = 0; t < n; t++) if (h.status[t] !== FAIL && deg[t] === 0) queue.push(t);
  for (let q = 0; q < queue.length; q++) {
    const t = queue[q]!;
    for (let j = all.start[t]!; j < all.start[t + 1]!; j++) {
      const u = co.to[all.edges[j]!]!;
      if (--deg[u]! === 0) queue.push(u);
    }
  }
  if (queue.length < live) return witness('co');
  return { valid: true, anomalies: [], stats };
}
