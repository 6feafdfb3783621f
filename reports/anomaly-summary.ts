import type { CheckResult } from '../src/core/checker.js';
import { allowedFindings, describeAllowed } from './allowed-findings.js';

/** Anomaly ids with their counts, most frequent first, e.g. `G1c ×2, lost ×1`. */
export function anomalyCounts(result: CheckResult): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of result.anomalies) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** One line saying what a checker decided and why, for JUnit messages and terminals. */
export function summarizeResult(result: CheckResult): string {
  const allowed = allowedFindings(result);
  if (allowed) return `${result.checker}: ${describeAllowed(allowed)}`;
  if (result.valid === true) return `${result.checker}: valid`;
  const ids = anomalyCounts(result)
    .map(([id, n]) => (n > 1 ? `${id} ×${n}` : id))
    .join(', ');
  if (result.valid === 'unknown') {
    const why = result.unknownReason ?? 'no reason given';
    return `${result.checker}: unknown (${why})${ids ? `; ${ids}` : ''}`;
  }
  return `${result.checker}: invalid${ids ? ` (${ids})` : ''}`;
}
