import type { Op, Value } from '../../src/core/op.js';
import { createRng } from '../../src/generator/rng.js';

export interface TxnGenOptions {
  workload: 'list-append' | 'rw-register';
  txns: number;
  processes: number;
  keys: number;
  /** Micro-ops per transaction (each a read or a write, half and half). */
  mopsPerTxn: number;
  seed: number;
  /** Fraction of transactions that abort (fail) or crash (info); the rest commit. */
  failRate?: number;
  infoRate?: number;
}

/**
 * A strictly serializable history: `processes` clients run concurrently, and each transaction takes
 * effect atomically at its completion, against one in-memory store. Aborted transactions take no
 * effect; crashed (info) ones take effect or not at random and their process is replaced. Writes are
 * unique per key, as Jepsen's generators make them.
 */
export function generateTxnHistory(o: TxnGenOptions): Op[] {
  const rng = createRng(o.seed);
  const rnd = (): number => rng.next();
  const lists = new Map<number, number[]>();
  const regs = new Map<number, number>();
  const nextValue = new Int32Array(o.keys);
  const out: Op[] = [];
  const pending: (Value[] | undefined)[] = new Array<Value[] | undefined>(o.processes);
  const procId = Array.from({ length: o.processes }, (_, i) => i);
  let started = 0;
  let live = 0;
  let time = 0;
  const writeF = o.workload === 'list-append' ? 'append' : 'w';
  const push = (type: Op['type'], process: number, value: Value): void => {
    out.push({
      index: out.length,
      type,
      process,
      f: 'txn',
      value,
      time: (time += 1000 + Math.floor(rnd() * 1000)),
    });
  };
  while (started < o.txns || live > 0) {
    const w = Math.floor(rnd() * o.processes);
    const mops = pending[w];
    if (mops === undefined) {
      if (started >= o.txns) continue;
      const inv: Value[] = [];
      for (let i = 0; i < o.mopsPerTxn; i++) {
        const k = Math.floor(rnd() * o.keys);
        inv.push(rnd() < 0.5 ? ['r', k, null] : [writeF, k, ++nextValue[k]!]);
      }
      pending[w] = inv;
      started++;
      live++;
      push('invoke', procId[w]!, inv);
      continue;
    }
    pending[w] = undefined;
    live--;
    const r = rnd();
    const outcome =
      r < (o.failRate ?? 0) ? 'fail' : r < (o.failRate ?? 0) + (o.infoRate ?? 0) ? 'info' : 'ok';
    const apply = outcome === 'ok' || (outcome === 'info' && rnd() < 0.5);
    const done: Value[] = [];
    for (const m of mops as [string, number, Value][]) {
      const [f, k, v] = m;
      if (!apply || f !== 'r') {
        if (apply && f === 'append') {
          const l = lists.get(k);
          if (l) l.push(v as number);
          else lists.set(k, [v as number]);
        } else if (apply && f === 'w') regs.set(k, v as number);
        done.push(m);
        continue;
      }
      done.push([
        'r',
        k,
        o.workload === 'list-append' ? (lists.get(k)?.slice() ?? []) : (regs.get(k) ?? null),
      ]);
    }
    push(outcome, procId[w]!, outcome === 'ok' ? done : mops);
    if (outcome === 'info') procId[w] = procId[w]! + o.processes;
  }
  return out;
}
