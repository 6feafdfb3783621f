import type { Model, ModelOp } from '../../src/core/model.js';
import { valueKey } from '../models/value-key.js';
import type { PartitionOp } from './partition-op.js';

/**
 * A partition's ops as integers for the search. Required ops get ids 0..nReq-1 by call, info ops
 * nReq..n-1 by call. Ops equal for the model share a kind, and so share transitions.
 */
export interface SearchOps {
  /** Partition position of each op id. */
  order: Int32Array;
  nReq: number;
  nOpt: number;
  kindOf: Int32Array;
  /** The model op of each kind. */
  kindOps: ModelOp[];
  /** 1 when the kind cannot change the state. */
  readOnly: Uint8Array;
  /** History positions of each required op's call and return. */
  reqCall: Float64Array;
  reqRet: Float64Array;
  /** Call position of each info op (index id - nReq). */
  infoCall: Float64Array;
  /** The previous info op of the same kind (only the first available one is tried), or -1. */
  prevSameKind: Int32Array;
}

/** The key under which two model ops are the same kind. */
export function kindKey(op: ModelOp): string {
  return `${op.f}\u0000${op.crashed ? 1 : 0}\u0000${valueKey(op.value)}`;
}

/** Numbers the ops and their kinds (see SearchOps). */
export function indexOps(model: Model, ops: readonly PartitionOp[]): SearchOps {
  const n = ops.length;
  const order = new Int32Array(n);
  let nReq = 0;
  for (let i = 0; i < n; i++) if (ops[i]!.ret !== Infinity) order[nReq++] = i;
  let at = nReq;
  for (let i = 0; i < n; i++) if (ops[i]!.ret === Infinity) order[at++] = i;
  // Partitions are in call order already; sort only if a caller passed them otherwise.
  sortByCall(order.subarray(0, nReq), ops);
  sortByCall(order.subarray(nReq), ops);
  const nOpt = n - nReq;

  const kindOf = new Int32Array(n);
  const kindIds = new Map<string, number>();
  const kindOps: ModelOp[] = [];
  for (let id = 0; id < n; id++) {
    const m = ops[order[id]!]!.model;
    const k = kindKey(m);
    let kind = kindIds.get(k);
    if (kind === undefined) {
      kind = kindOps.length;
      kindIds.set(k, kind);
      kindOps.push(m);
    }
    kindOf[id] = kind;
  }
  const readOnly = new Uint8Array(kindOps.length);
  for (let k = 0; k < kindOps.length; k++) readOnly[k] = model.isReadOnly(kindOps[k]!) ? 1 : 0;

  const reqCall = new Float64Array(nReq);
  const reqRet = new Float64Array(nReq);
  for (let id = 0; id < nReq; id++) {
    reqCall[id] = ops[order[id]!]!.call;
    reqRet[id] = ops[order[id]!]!.ret;
  }
  const infoCall = new Float64Array(nOpt);
  const prevSameKind = new Int32Array(nOpt).fill(-1);
  const lastOfKind = new Map<number, number>();
  for (let j = 0; j < nOpt; j++) {
    infoCall[j] = ops[order[nReq + j]!]!.call;
    const k = kindOf[nReq + j]!;
    const p = lastOfKind.get(k);
    if (p !== undefined) prevSameKind[j] = p;
    lastOfKind.set(k, j);
  }
  return { order, nReq, nOpt, kindOf, kindOps, readOnly, reqCall, reqRet, infoCall, prevSameKind };
}

/** Sorts op positions by call position (stable: a no-op on partitions, which are in call order). */
function sortByCall(ids: Int32Array, ops: readonly PartitionOp[]): void {
  for (let i = 1; i < ids.length; i++) {
    if (ops[ids[i - 1]!]!.call > ops[ids[i]!]!.call) {
      const sorted = Array.from(ids).sort((a, b) => ops[a]!.call - ops[b]!.call || a - b);
      ids.set(sorted);
      return;
    }
  }
}
