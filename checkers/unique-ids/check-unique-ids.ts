import { anomalyKinds, withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { Anomaly, CheckResult, Checker } from '../../src/core/checker.js';
import type { History, Value } from '../../src/core/op.js';
import { clientOps } from '../set/client-ops.js';
import { showValue } from '../models/show-value.js';
import { valueKey } from '../models/value-key.js';

/** Every anomaly id this checker can report: the one place each is defined. */
const anomalies = anomalyKinds([
  {
    id: 'duplicate',
    name: 'duplicate id',
    description: 'Two or more successful generate ops returned the same id, which must be unique.',
  },
]);

/** Checks a unique-id workload: every ok `generate` returns an id no other ok generate returned. */
export function checkUniqueIds(history: History): CheckResult {
  const ops = clientOps(history).filter((o) => o.invoke.f === 'generate');
  const byId = new Map<string, { value: Value; ops: number[] }>();
  let acknowledged = 0;
  for (const o of ops) {
    if (o.outcome !== 'ok') continue;
    acknowledged++;
    const value = o.complete!.value;
    const key = valueKey(value);
    const seen = byId.get(key);
    if (seen === undefined) byId.set(key, { value, ops: [o.invoke.index] });
    else seen.ops.push(o.invoke.index);
  }
  const found: Anomaly[] = [];
  for (const { value, ops: indexes } of byId.values()) {
    if (indexes.length < 2) continue;
    found.push({
      id: 'duplicate',
      message: `id ${showValue(value)} was generated ${indexes.length} times`,
      ops: indexes,
      value,
    });
  }
  const result: CheckResult = {
    checker: 'unique-ids',
    valid: found.length === 0,
    anomalies: found,
    stats: { attempted: ops.length, acknowledged, distinct: byId.size },
  };
  if (acknowledged === 0) {
    result.valid = 'unknown';
    result.unknownReason = 'no generate op succeeded, so there is nothing to compare';
  }
  return withAnomalyKinds(result, anomalies);
}

/** The unique-ids checker as a registry entry. */
export const uniqueIdsChecker: Checker<Record<string, never>> = {
  name: 'unique-ids',
  description: 'Id generation: no id is returned twice.',
  anomalies,
  check: (history) => checkUniqueIds(history),
};
