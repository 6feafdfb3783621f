import type { CheckResult } from '../src/core/checker.js';

/** What a checker found and its model allows, e.g. `found G2-item ×8 (allowed)`, or undefined when nothing. */
export interface AllowedFindings {
  /** The model the verdict is for (a transactional `consistencyModel`). */
  model: string;
  /** Anomaly id -> total count, for anomalies found that the model allows. */
  allowed: Record<string, number>;
  /** The strongest models the result still allows. */
  strongest: string[];
}

const names = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Anomalies a valid result found although its model allows them (counts from `anomalyCounts`). */
export function allowedFindings(result: CheckResult): AllowedFindings | undefined {
  const model = result['consistencyModel'];
  const counts = result['anomalyCounts'];
  if (result.valid !== true || typeof model !== 'string' || typeof counts !== 'object' || counts === null)
    return undefined;
  const allowed = Object.fromEntries(
    Object.entries(counts as Record<string, unknown>).filter(([, n]) => typeof n === 'number' && n > 0),
  ) as Record<string, number>;
  return { model, allowed, strongest: names(result['possibleModels']) };
}

/** "valid for snapshot-isolation; found G2-item ×8 (allowed); strongest still possible: ..." */
export function describeAllowed(f: AllowedFindings): string {
  const ids = Object.entries(f.allowed)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, n]) => (n > 1 ? `${id} ×${n}` : id));
  const found = ids.length > 0 ? `; found ${ids.join(', ')} (allowed)` : '; no anomalies found';
  const strongest = f.strongest.length > 0 ? `; strongest still possible: ${f.strongest.join(', ')}` : '';
  return `valid for ${f.model}${found}${strongest}`;
}
