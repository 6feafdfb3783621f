import type { CheckResult } from './checker.js';

/**
 * What one anomaly id means, in the checker family that can report it: the one definition of the id,
 * which reports, results.json and the CLI show next to the checker's own per-instance message.
 */
export interface AnomalyKind {
  /** Stable id, e.g. `G1c`, `lost`, `nonlinearizable`. */
  id: string;
  /** A short name, e.g. `circular information flow`. */
  name: string;
  /** A plain-language sentence or two: what happened, whatever the values. */
  description: string;
  /** Consistency models that rule it out, when the checker family names models. */
  forbiddenBy?: readonly string[];
}

/** A checker family's anomaly kinds, by id. */
export type AnomalyKinds = Readonly<Record<string, AnomalyKind>>;

/** The kinds of a list, by id; an id given twice is a programming error. */
export function anomalyKinds(list: readonly AnomalyKind[]): AnomalyKinds {
  const out: Record<string, AnomalyKind> = {};
  for (const kind of list) {
    if (Object.hasOwn(out, kind.id)) throw new Error(`anomaly id ${kind.id} is defined twice`);
    out[kind.id] = kind;
  }
  return out;
}

/** Ids a result reports: its anomalies' and, when it keeps them, its `anomalyCounts` keys. */
export function reportedIds(result: CheckResult): string[] {
  const ids = new Set(result.anomalies.map((a) => a.id));
  const counts = result['anomalyCounts'];
  if (counts !== null && typeof counts === 'object') {
    for (const [id, n] of Object.entries(counts)) if (typeof n === 'number' && n > 0) ids.add(id);
  }
  return [...ids];
}

/**
 * The result with `anomalyKinds`: the entries of `kinds` for the ids it reports (and `counted`, ids
 * it only counts), so a report or a reader of results.json can explain them without importing the
 * checker. Unchanged when it reports none.
 */
export function withAnomalyKinds<R extends CheckResult>(
  result: R,
  kinds: AnomalyKinds,
  counted: readonly string[] = [],
): R {
  const ids = [...new Set([...reportedIds(result), ...counted])].filter((id) => Object.hasOwn(kinds, id));
  if (ids.length === 0) return result;
  return { ...result, anomalyKinds: Object.fromEntries(ids.map((id) => [id, kinds[id]!])) };
}
