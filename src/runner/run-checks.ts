import type { CheckResult } from '../core/checker.js';
import type { History } from '../core/op.js';
import type { WorkloadCheck } from '../core/workload.js';
import { errorText } from './validate-client.js';

/**
 * A run in which no client op succeeded proves nothing: its verdict is unknown, never valid.
 * Added to every test's checks.
 */
export const someOkCheck: WorkloadCheck = {
  name: 'some-ok',
  check(history: History): CheckResult {
    const ok = history.filter((o) => o.process !== 'nemesis' && o.type === 'ok').length;
    const stats = { ok };
    if (ok > 0) return { checker: 'some-ok', valid: true, anomalies: [], stats };
    return {
      checker: 'some-ok',
      valid: 'unknown',
      anomalies: [],
      unknownReason: 'no client op succeeded, so the history shows nothing about the database',
      stats,
    };
  },
};

/** Runs every check on `history`; a check that throws gives `unknown` with the error, not a crash. */
export async function runChecks(history: History, checks: readonly WorkloadCheck[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const c of checks) {
    const started = performance.now();
    try {
      const r = await c.check(history);
      results.push({ ...r, stats: { ...r.stats, ms: Math.round(performance.now() - started) } });
    } catch (error) {
      results.push({
        checker: c.name,
        valid: 'unknown',
        anomalies: [],
        unknownReason: `the checker failed: ${errorText(error)}`,
      });
    }
  }
  return results;
}
