import { HistoryError } from '../../src/core/errors.js';
import type { Model, ModelOp } from '../../src/core/model.js';
import type { History, Op, Value } from '../../src/core/op.js';
import { pairOps } from '../../src/history/pair-ops.js';
import { sourceLineOf } from '../../src/history/source-lines.js';
import { valueKey } from '../models/value-key.js';
import { dropUnobserved } from './drop-unobserved.js';
import type { PartitionOp } from './partition-op.js';

/** The ops of one key (or of the whole history when it is not keyed). */
export interface Partition {
  /** The key; absent when the history is checked as one partition. */
  key?: Value;
  ops: PartitionOp[];
}

/** A history split into partitions, with counts of what was dropped before the search. */
export interface PartitionedHistory {
  partitions: Partition[];
  dropped: { failed: number; crashedReads: number; unobservedInfoWrites: number };
}

function bad(op: Op, message: string, hint: string): HistoryError {
  const line = sourceLineOf(op);
  return new HistoryError(`op #${op.index}: ${message}`, line === undefined ? { hint } : { line, hint });
}

/** Splits `[key v]` for independent histories. */
function splitKeyed(op: Op, value: Value): [Value, Value] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw bad(
      op,
      `value ${valueKey(value)} is not [key value]`,
      'With --independent every value must be [key value].',
    );
  }
  return [value[0]!, value[1]!];
}

/**
 * Turns a history into partitions of ops the search understands. Nemesis events are ignored; fail
 * ops are dropped unless the model says what they observed (a failed cas); crashed (info or
 * pending) read-only ops are dropped, and so are info ops nobody could have observed (see
 * dropUnobserved). Keyed models (`model.key`) and `independent` histories are split by key.
 */
export function partitionHistory(history: History, model: Model, independent: boolean): PartitionedHistory {
  const partner = pairOps(history);
  const byKey = new Map<string, Partition>();
  const dropped = { failed: 0, crashedReads: 0, unobservedInfoWrites: 0 };
  for (let i = 0; i < history.length; i++) {
    const inv = history[i]!;
    if (inv.type !== 'invoke' || inv.process === 'nemesis') continue;
    const c = partner[i]! >= 0 ? history[partner[i]!]! : undefined;
    let key: Value | undefined;
    let invoked = inv.value;
    let returned: Value = c?.value ?? null;
    if (independent) {
      [key, invoked] = splitKeyed(inv, inv.value);
      if (c && c.type === 'ok') returned = splitKeyed(c, c.value)[1];
    }
    const why =
      model.validate(inv.f, invoked, 'invoke') ?? (c ? model.validate(c.f, returned, c.type) : undefined);
    if (why !== undefined) {
      throw bad(c ?? inv, why, `Check that the history was recorded for the ${model.name} model.`);
    }
    let type: PartitionOp['type'];
    let m: ModelOp | undefined;
    if (c?.type === 'ok') {
      type = 'ok';
      const probe = { f: inv.f, value: invoked, crashed: false };
      // Some clients complete writes with a nil value: the value written is the invocation's.
      const value = returned === null && invoked !== null && !model.isReadOnly(probe) ? invoked : returned;
      m = { f: inv.f, value, crashed: false };
    } else if (c?.type === 'fail') {
      type = 'fail';
      m = model.failedOp?.(inv.f, invoked, c.error as Value | undefined);
      if (!m) {
        dropped.failed++;
        continue;
      }
    } else {
      type = 'info';
      m = { f: inv.f, value: invoked, crashed: true };
      if (model.isReadOnly(m)) {
        dropped.crashedReads++;
        continue;
      }
    }
    if (key === undefined && model.key) key = model.key(m);
    const name = key === undefined ? '' : valueKey(key);
    let part = byKey.get(name);
    if (!part) {
      part = key === undefined ? { ops: [] } : { key, ops: [] };
      byKey.set(name, part);
    }
    part.ops.push({
      index: inv.index,
      completion: c ? c.index : -1,
      process: inv.process,
      f: inv.f,
      invoked,
      returned: type === 'ok' ? returned : null,
      type,
      model: m,
      call: i,
      ret: type === 'info' ? Infinity : partner[i]!,
    });
  }
  const partitions = [...byKey.values()];
  if (model.written && model.observed) {
    for (const part of partitions) {
      const kept = dropUnobserved(model, part.ops);
      dropped.unobservedInfoWrites += part.ops.length - kept.length;
      part.ops = kept;
    }
  }
  return { partitions, dropped };
}
