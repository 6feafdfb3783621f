import type { Model } from '../../src/core/model.js';
import { valueKey } from '../models/value-key.js';
import type { PartitionOp } from './partition-op.js';

/**
 * Drops the info ops nobody could have observed, for models that declare written/observed values.
 * An info op is live when its written value is observed by a required op or by a live info op
 * (a crashed cas can pass a value on); the others are dropped. Taking them out of any
 * linearization changes only states no remaining op observes, so the verdict is unchanged. An op
 * that constrains the state otherwise (a failed cas: 'unknown') disables this.
 */
export function dropUnobserved(model: Model, ops: readonly PartitionOp[]): PartitionOp[] {
  if (!model.written || !model.observed) return [...ops];
  const observed = new Set<string>();
  for (const op of ops) {
    const o = model.observed(op.model);
    if (o === 'unknown') return [...ops];
    if (o !== 'nothing' && op.type !== 'info') observed.add(valueKey(o.value));
  }
  const info = ops.filter((op) => op.type === 'info');
  const written = info.map((op) => model.written!(op.model));
  const live = new Array<boolean>(info.length).fill(false);
  for (let changed = true; changed;) {
    changed = false;
    info.forEach((op, i) => {
      const w = written[i];
      if (live[i] || (w !== undefined && !observed.has(valueKey(w.value)))) return;
      live[i] = true;
      changed = true;
      const o = model.observed!(op.model);
      if (o !== 'nothing' && o !== 'unknown') observed.add(valueKey(o.value));
    });
  }
  const dead = new Set(info.filter((_, i) => !live[i]));
  return ops.filter((op) => !dead.has(op));
}
