// The Wing–Gong/Lowe search for one partition, written for speed: integer arrays, interned model
// states, cached transitions, Zobrist-hashed bitsets, and no allocation in the hot loop.
import type { Model } from '../../src/core/model.js';
import { valueKey } from '../models/value-key.js';
import type { PartitionOp } from './partition-op.js';
import type { SearchOutcome } from './search-outcome.js';
import { VisitedSet } from './visited-set.js';

/** Limits of one search; `budget` counts explored configurations, so the verdict never depends on machine speed. */
export interface SearchLimits {
  budget: number;
  /** Date.now() after which the search stops with unknown. */
  deadline?: number;
  /**
   * Let every info op take effect any number of times. This admits more orders than the real
   * semantics (once or never), so a false verdict still refutes the history, while the memo no
   * longer tracks which info ops were used: see decideLinearizable.
   */
  reuseInfo?: boolean;
}

const UNKNOWN = -2;
const IMPOSSIBLE = -1;

/** A deterministic 32-bit PRNG (mulberry32) for the Zobrist keys. */
function zobrist(n: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = t ^ (t >>> 14);
  }
  return out;
}

/**
 * Searches for a linearization of `ops` (one partition). Ok ops must take effect between their
 * call and return. Info ops are optional: they may take effect at any point after their call, or
 * never, so the search succeeds once every required op is linearized. Three reductions keep the
 * crashed ops from multiplying the search, each safe because an info op may always be left out:
 * an info op that would not change the state is never applied; of several available info ops of
 * the same kind only the first is applied; and an applied info op must be followed by an op that
 * needs it (see `allowed`). Read-only ops that fit are linearized at once, without branching. Configurations (required
 * set, model state) are memoised with the set of applied info ops; a configuration whose applied
 * set contains one already explored from the same (required set, state) is pruned, since having
 * fewer info ops used up can only help.
 */
export function wglSearch(model: Model, ops: readonly PartitionOp[], limits: SearchLimits): SearchOutcome {
  // Required ops get ids 0..nReq-1 by call; info ops nReq..n-1 by call.
  const order = ops.map((_, i) => i);
  order.sort((a, b) => {
    const ra = ops[a]!.ret === Infinity ? 1 : 0;
    const rb = ops[b]!.ret === Infinity ? 1 : 0;
    return ra - rb || ops[a]!.call - ops[b]!.call;
  });
  const n = ops.length;
  let nReq = 0;
  while (nReq < n && ops[order[nReq]!]!.ret !== Infinity) nReq++;
  const nOpt = n - nReq;

  // Kinds: ops equal for the model share transitions.
  const kindOf = new Int32Array(n);
  const kindIds = new Map<string, number>();
  const kindOps: PartitionOp[] = [];
  for (let id = 0; id < n; id++) {
    const op = ops[order[id]!]!;
    const k = `${op.model.f}\u0000${op.model.crashed ? 1 : 0}\u0000${valueKey(op.model.value)}`;
    let kind = kindIds.get(k);
    if (kind === undefined) {
      kind = kindOps.length;
      kindIds.set(k, kind);
      kindOps.push(op);
    }
    kindOf[id] = kind;
  }
  const nKinds = kindOps.length;
  const readOnly = new Uint8Array(nKinds);
  for (let k = 0; k < nKinds; k++) readOnly[k] = model.isReadOnly(kindOps[k]!.model) ? 1 : 0;

  // Interned states and cached transitions.
  const states: unknown[] = [model.init()];
  const stateIds = new Map<string, number>([[model.hash(states[0]), 0]]);
  const tableStates = Math.max(16, Math.floor((1 << 22) / Math.max(1, nKinds)));
  let trans = new Int32Array(16 * nKinds).fill(UNKNOWN);
  const bigTrans = new Map<number, number>();
  const step = (s: number, k: number): number => {
    if (s < tableStates) {
      const slot = s * nKinds + k;
      if (slot < trans.length) {
        const t = trans[slot]!;
        if (t !== UNKNOWN) return t;
      }
    } else {
      const t = bigTrans.get(s * nKinds + k);
      if (t !== undefined) return t;
    }
    const next = model.step(states[s], kindOps[k]!.model);
    let t = IMPOSSIBLE;
    if (next !== null) {
      const h = model.hash(next);
      const known = stateIds.get(h);
      if (known === undefined) {
        t = states.length;
        states.push(next);
        stateIds.set(h, t);
      } else t = known;
    }
    if (s < tableStates) {
      const slot = s * nKinds + k;
      if (slot >= trans.length) {
        const bigger = new Int32Array(
          Math.min(tableStates, Math.max(states.length, s + 1) * 2) * nKinds,
        ).fill(UNKNOWN);
        bigger.set(trans);
        trans = bigger;
      }
      trans[slot] = t;
    } else bigTrans.set(s * nKinds + k, t);
    return t;
  };

  // The doubly linked list of call and return entries of required ops, by history position.
  const nEntries = 2 * nReq;
  const HEAD = nEntries;
  const next = new Int32Array(nEntries + 1);
  const prev = new Int32Array(nEntries + 1);
  const entryOp = new Int32Array(nEntries);
  const entryIsCall = new Uint8Array(nEntries);
  const entryPos = new Float64Array(nEntries);
  const callEntry = new Int32Array(nReq);
  const retEntry = new Int32Array(nReq);
  {
    const entries: number[] = [];
    for (let id = 0; id < nReq; id++) {
      entries.push(2 * id, 2 * id + 1);
      entryOp[2 * id] = id;
      entryOp[2 * id + 1] = id;
      entryIsCall[2 * id] = 1;
      entryPos[2 * id] = ops[order[id]!]!.call;
      entryPos[2 * id + 1] = ops[order[id]!]!.ret;
      callEntry[id] = 2 * id;
      retEntry[id] = 2 * id + 1;
    }
    entries.sort((a, b) => entryPos[a]! - entryPos[b]!);
    let last = HEAD;
    for (const e of entries) {
      next[last] = e;
      prev[e] = last;
      last = e;
    }
    next[last] = -1;
  }
  const lift = (id: number): void => {
    for (const e of [callEntry[id]!, retEntry[id]!]) {
      next[prev[e]!] = next[e]!;
      if (next[e]! !== -1) prev[next[e]!] = prev[e]!;
    }
  };
  const unlift = (id: number): void => {
    const r = retEntry[id]!;
    const c = callEntry[id]!;
    if (next[r]! !== -1) prev[next[r]!] = r;
    next[prev[r]!] = r;
    if (next[c]! !== -1) prev[next[c]!] = c;
    next[prev[c]!] = c;
  };

  // Info ops: call positions, and the previous info op of the same kind (only the first available one is tried).
  const infoCall = new Float64Array(nOpt);
  const prevSameKind = new Int32Array(nOpt).fill(-1);
  {
    const lastOfKind = new Map<number, number>();
    for (let j = 0; j < nOpt; j++) {
      infoCall[j] = ops[order[nReq + j]!]!.call;
      const k = kindOf[nReq + j]!;
      const p = lastOfKind.get(k);
      if (p !== undefined) prevSameKind[j] = p;
      lastOfKind.set(k, j);
    }
  }

  // Linearized sets and their Zobrist hashes.
  const reqWords = (nReq + 31) >>> 5;
  const optWords = (nOpt + 31) >>> 5;
  const reqBits = new Int32Array(Math.max(1, reqWords));
  const optBits = new Int32Array(Math.max(1, optWords));
  const z1 = zobrist(nReq, 0x9e3779b9);
  const z2 = zobrist(nReq, 0x85ebca6b);
  let h1 = 0;
  let h2 = 0;
  let lo = 0; // first unlinearized required id
  let hi = -1; // highest linearized required id
  let reqDone = 0;
  const reuse = limits.reuseInfo === true;
  const visited = new VisitedSet(reuse ? 0 : optWords);

  // The stack of linearized ops: id, state before, lo/hi before, and the info scan limit.
  // With reuseInfo an info op may appear on the stack many times, so the stack grows on demand.
  let stackOp = new Int32Array(n + 16);
  let stackState = new Int32Array(n + 16);
  let stackLo = new Int32Array(n + 16);
  let stackHi = new Int32Array(n + 16);
  let stackLimit = new Float64Array(n + 16);
  let stackForced = new Uint8Array(n + 16);
  const growStack = (): void => {
    const size = stackOp.length * 2;
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    stackOp = grow(stackOp, new Int32Array(size));
    stackState = grow(stackState, new Int32Array(size));
    stackLo = grow(stackLo, new Int32Array(size));
    stackHi = grow(stackHi, new Int32Array(size));
    stackLimit = grow(stackLimit, new Float64Array(size));
    stackForced = grow(stackForced, new Uint8Array(size));
  };
  let depth = 0;
  let state = 0;
  let explored = 0;
  let peakDepth = -1;
  let atPeak = false;
  // The deepest prefix is copied lazily: only the part of the stack popped since the last copy changed.
  let deepestOps = new Int32Array(n + 16);
  let deepestLen = 0;
  let lowWater = 0;
  let deepestRequired = 0;
  const snapshot = (): void => {
    if (deepestOps.length < depth) {
      const bigger = new Int32Array(stackOp.length);
      bigger.set(deepestOps.subarray(0, deepestLen));
      deepestOps = bigger;
    }
    deepestOps.set(stackOp.subarray(lowWater, depth), lowWater);
    deepestLen = depth;
    lowWater = depth;
    deepestRequired = reqDone;
  };

  const finish = (verdict: SearchOutcome['verdict'], stoppedBy?: 'budget' | 'timeout'): SearchOutcome => {
    if (atPeak || deepestLen < depth) snapshot();
    const deepest = Array.from(deepestOps.subarray(0, deepestLen), (id) => order[id]!);
    const out: SearchOutcome = { verdict, explored, deepest, deepestRequired };
    if (stoppedBy) out.stoppedBy = stoppedBy;
    return out;
  };

  // Configurations right after an info op x, by (kind of x, state before x, state after x).
  const restrictedIds = new Map<string, number>();
  const restricted = (kind: number, before: number, after: number): number => {
    const key = `${kind},${before},${after}`;
    let r = restrictedIds.get(key);
    if (r === undefined) {
      r = restrictedIds.size;
      restrictedIds.set(key, r);
    }
    return r;
  };

  /**
   * Whether op kind `k`, reaching `t`, may follow the op on top of the stack. After an info op x
   * (state s before it), y may follow only if it needs x: if y fits s and gives the same state
   * either way, x can be left out; if y then x gives the same state, x can move after y (an info
   * op has no deadline). Either way some linearization puts x later or nowhere, so only orders
   * where x is immediately used need exploring. Moving info ops later past required ops, and
   * sorting commuting info ops by kind, terminates, so every linearization has such a form.
   */
  const allowed = (k: number, t: number, required: boolean): boolean => {
    if (depth === 0) return true;
    const x = stackOp[depth - 1]!;
    if (x < nReq) return true;
    const a = step(stackState[depth - 1]!, k);
    if (a < 0) return true;
    if (a === t) return false;
    // Two info ops that commute would each move after the other forever: only the order by kind is kept.
    return step(a, kindOf[x]!) !== t || (!required && k >= kindOf[x]!);
  };

  /** Tries to linearize op `id` now, reaching `target`; true when the new configuration was not seen before. */
  const push = (id: number, target: number, limit: number): boolean => {
    const required = id < nReq;
    const savedLo = lo;
    const savedHi = hi;
    if (required) {
      reqBits[id >>> 5]! |= 1 << (id & 31);
      h1 ^= z1[id]!;
      h2 ^= z2[id]!;
      if (id > hi) hi = id;
      if (id === lo) {
        lo++;
        while (lo < nReq && (reqBits[lo >>> 5]! & (1 << (lo & 31))) !== 0) lo++;
      }
    } else if (!reuse) {
      const j = id - nReq;
      optBits[j >>> 5]! |= 1 << (j & 31);
    }
    // After an info op the next op is restricted (see allowed), so the memo tells those configurations apart.
    const memoState = required ? target * 2 : restricted(kindOf[id]!, state, target) * 2 + 1;
    if (!visited.add(h1, h2, memoState, lo, hi, reqBits, optBits)) {
      if (required) {
        reqBits[id >>> 5]! &= ~(1 << (id & 31));
        h1 ^= z1[id]!;
        h2 ^= z2[id]!;
      } else if (!reuse) {
        const j = id - nReq;
        optBits[j >>> 5]! &= ~(1 << (j & 31));
      }
      lo = savedLo;
      hi = savedHi;
      return false;
    }
    if (depth === stackOp.length) growStack();
    stackOp[depth] = id;
    stackState[depth] = state;
    stackLo[depth] = savedLo;
    stackHi[depth] = savedHi;
    stackLimit[depth] = limit;
    depth++;
    state = target;
    if (required) {
      reqDone++;
      lift(id);
    }
    explored++;
    if (depth > peakDepth) {
      peakDepth = depth;
      atPeak = true;
    }
    return true;
  };

  let mode = 0; // 0: walking the list of required entries; 1: scanning info ops
  let entry = next[HEAD]!;
  let j = 0;
  let limit = Infinity; // position of the first return entry: info ops invoked before it are available
  let ticks = 0;
  let backtrack = false;
  for (;;) {
    if (backtrack) {
      // Nothing more to try in this configuration: undo the last op.
      if (depth === 0) return finish(false);
      if (atPeak) {
        snapshot();
        atPeak = false;
      }
      depth--;
      if (depth < lowWater) lowWater = depth;
      const id = stackOp[depth]!;
      state = stackState[depth]!;
      lo = stackLo[depth]!;
      hi = stackHi[depth]!;
      if (id < nReq) {
        reqBits[id >>> 5]! &= ~(1 << (id & 31));
        h1 ^= z1[id]!;
        h2 ^= z2[id]!;
        reqDone--;
        unlift(id);
        mode = 0;
        entry = next[callEntry[id]!]!;
      } else {
        const jj = id - nReq;
        if (!reuse) optBits[jj >>> 5]! &= ~(1 << (jj & 31));
        mode = 1;
        j = jj + 1;
        limit = stackLimit[depth]!;
      }
      // A forced op was the only choice worth trying in its configuration: keep backtracking.
      backtrack = stackForced[depth] === 1;
      continue;
    }
    if (reqDone === nReq) return finish(true);
    if (explored >= limits.budget) return finish('unknown', 'budget');
    if (limits.deadline !== undefined && (++ticks & 0x3fff) === 0 && Date.now() > limits.deadline) {
      return finish('unknown', 'timeout');
    }
    if (mode === 0) {
      if (entry !== -1 && entryIsCall[entry] === 1) {
        const id = entryOp[entry]!;
        const k = kindOf[id]!;
        if (readOnly[k] === 1) {
          // A read-only op that fits now can be linearized now without loss: moving it earlier in
          // any linearization keeps real-time order (no pending op must precede it) and changes no
          // state. So it is the only choice tried here; if it fails, this configuration fails.
          const t = step(state, k);
          if (t === state && allowed(k, t, true)) {
            if (push(id, t, 0)) {
              stackForced[depth - 1] = 1;
              entry = next[HEAD]!;
            } else backtrack = true;
            continue;
          }
        } else {
          const t = step(state, k);
          if (t >= 0 && allowed(k, t, true) && push(id, t, 0)) {
            stackForced[depth - 1] = 0;
            entry = next[HEAD]!;
            continue;
          }
        }
        entry = next[entry]!;
        continue;
      }
      limit = entry === -1 ? Infinity : entryPos[entry]!;
      mode = 1;
      j = 0;
      continue;
    }
    if (j < nOpt && infoCall[j]! < limit) {
      const bit = (optBits[j >>> 5]! >>> (j & 31)) & 1;
      const p = prevSameKind[j]!;
      if (bit === 0 && (p < 0 || ((optBits[p >>> 5]! >>> (p & 31)) & 1) === 1)) {
        const id = nReq + j;
        const k = kindOf[id]!;
        const t = step(state, k);
        if (t >= 0 && t !== state && allowed(k, t, false) && push(id, t, limit)) {
          stackForced[depth - 1] = 0;
          mode = 0;
          entry = next[HEAD]!;
          continue;
        }
      }
      j++;
      continue;
    }
    backtrack = true;
  }
}
