import { HistoryError } from '../../src/core/errors.js';
import type { History, Value } from '../../src/core/op.js';
import { pairOps } from '../../src/history/pair-ops.js';
import { valueMapKey } from '../models/value-key.js';

export type TxnWorkload = 'list-append' | 'rw-register';

/** Outcome of a transaction: committed, indeterminate (may or may not have committed), aborted. */
export const OK = 0;
export const INFO = 1;
export const FAIL = 2;

/** Micro-op kinds: a write (`append` or `w`) or a read (`r`). */
export const WRITE = 0;
export const READ = 1;

/**
 * The transactions of a history in columnar form: txn `t` is the t-th `txn` invocation; its micro-ops
 * are `mopStart[t] .. mopStart[t+1]-1`. Keys are interned to dense ids.
 */
export interface TxnHistory {
  workload: TxnWorkload;
  n: number;
  /** History index of the invocation, used to name the txn ("T<index>"). */
  inv: Int32Array;
  /** History index of the completion, or -1 when it never completed. */
  done: Int32Array;
  status: Uint8Array;
  /** Dense process ids; `processNames[id]` is the history's process. */
  proc: Int32Array;
  processNames: (number | string)[];
  invTime: Float64Array;
  /** Completion time; Infinity for info and pending txns (they may take effect at any later time). */
  endTime: Float64Array;
  mopStart: Int32Array;
  mopTxn: Int32Array;
  mopKind: Uint8Array;
  mopKey: Int32Array;
  /** Written value, or the read result (null when unknown: info/fail reads, or nil). */
  mopVal: Value[];
  keyNames: Value[];
  /** Ops that were not `txn` client ops (ignored). */
  ignored: number;
}

const WRITE_FS: Record<TxnWorkload, string> = { 'list-append': 'append', 'rw-register': 'w' };

/** Columnar view of the `txn` ops of `history`; throws HistoryError for malformed micro-ops. */
export function readTxnHistory(history: History, workload: TxnWorkload): TxnHistory {
  const partner = pairOps(history);
  const inv: number[] = [];
  const done: number[] = [];
  const status: number[] = [];
  const proc: number[] = [];
  const invTime: number[] = [];
  const endTime: number[] = [];
  const mopStart: number[] = [];
  const mopTxn: number[] = [];
  const mopKind: number[] = [];
  const mopKey: number[] = [];
  const mopVal: Value[] = [];
  const keyIds = new Map<unknown, number>();
  const keyNames: Value[] = [];
  const procIds = new Map<number | string, number>();
  const processNames: (number | string)[] = [];
  const writeF = WRITE_FS[workload];
  let ignored = 0;
  for (let i = 0; i < history.length; i++) {
    const op = history[i]!;
    if (op.type !== 'invoke') continue;
    if (op.process === 'nemesis' || op.f !== 'txn') {
      ignored++;
      continue;
    }
    const c = partner[i]!;
    const end = c < 0 ? undefined : history[c]!;
    const st = end === undefined || end.type === 'info' ? INFO : end.type === 'ok' ? OK : FAIL;
    const value = st === OK ? end!.value : op.value;
    if (!Array.isArray(value)) {
      throw new HistoryError(
        `txn op #${(st === OK ? end! : op).index} has a value that is not a list of micro-ops`,
        {
          hint: `A ${workload} txn value looks like [["${writeF}", 1, 2], ["r", 1, null]].`,
        },
      );
    }
    if (st === OK && Array.isArray(op.value) && op.value.length !== value.length) {
      throw new HistoryError(
        `txn op #${end!.index} completes with ${value.length} micro-ops but was invoked with ${op.value.length}`,
      );
    }
    const t = inv.length;
    let p = procIds.get(op.process);
    if (p === undefined) {
      p = processNames.length;
      procIds.set(op.process, p);
      processNames.push(op.process);
    }
    inv.push(op.index);
    done.push(end === undefined ? -1 : end.index);
    status.push(st);
    proc.push(p);
    invTime.push(op.time);
    endTime.push(st === INFO || end === undefined ? Infinity : end.time);
    mopStart.push(mopKind.length);
    for (const m of value) {
      if (!Array.isArray(m) || m.length !== 3 || (m[0] !== writeF && m[0] !== 'r')) {
        throw new HistoryError(
          `txn op #${op.index} has micro-op ${JSON.stringify(m)}, not ["${writeF}" k v] or ["r" k v]`,
          {
            hint: `Check the workload: this checker was asked for ${workload}.`,
          },
        );
      }
      const kk = valueMapKey(m[1]!);
      let k = keyIds.get(kk);
      if (k === undefined) {
        k = keyNames.length;
        keyIds.set(kk, k);
        keyNames.push(m[1]!);
      }
      const isRead = m[0] === 'r';
      let v: Value = m[2]!;
      if (isRead && st !== OK) v = null;
      else if (isRead && workload === 'list-append' && v !== null && !Array.isArray(v)) {
        throw new HistoryError(
          `txn op #${end!.index} reads key ${JSON.stringify(m[1])} as ${JSON.stringify(v)}, not a list`,
        );
      }
      mopTxn.push(t);
      mopKind.push(isRead ? READ : WRITE);
      mopKey.push(k);
      mopVal.push(v);
    }
  }
  mopStart.push(mopKind.length);
  return {
    workload,
    n: inv.length,
    inv: Int32Array.from(inv),
    done: Int32Array.from(done),
    status: Uint8Array.from(status),
    proc: Int32Array.from(proc),
    processNames,
    invTime: Float64Array.from(invTime),
    endTime: Float64Array.from(endTime),
    mopStart: Int32Array.from(mopStart),
    mopTxn: Int32Array.from(mopTxn),
    mopKind: Uint8Array.from(mopKind),
    mopKey: Int32Array.from(mopKey),
    mopVal,
    keyNames,
    ignored,
  };
}
