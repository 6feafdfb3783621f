import { CONSISTENCY_MODELS } from '../../check/check-plan.js';
import type { CheckResult } from '../../core/checker.js';
import type { LinearizabilityResult } from '../../../checkers/linearizability/linearizability-result.js';
import type { History } from '../../core/op.js';
import { describeAnomalies } from './describe-anomalies.js';
import { formatConsistencySummary } from './format-consistency-summary.js';
import { formatLinearizabilitySummary } from './format-linearizability-summary.js';
import { formatTransactionalSummary } from './format-transactional-summary.js';

const VERDICT = { true: 'VALID', false: 'INVALID', unknown: 'UNKNOWN' } as const;

function statsLine(result: CheckResult, history: History): string {
  const stats = result.stats ?? {};
  const parts = [`events: ${history.length}`];
  for (const [name, value] of Object.entries(stats)) {
    parts.push(`${name}: ${Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1)}`);
  }
  return parts.join('   ');
}

/** The readable summary `faultline check` prints; a generic rendering for checkers without their own. */
export function formatCheckSummary(result: CheckResult, history: History): string {
  if (result.checker === 'linearizability' && Array.isArray(result['keys'])) {
    return formatLinearizabilitySummary(result as LinearizabilityResult, history);
  }
  if (result.checker === 'transactional') return formatTransactionalSummary(result, history);
  if (Object.hasOwn(CONSISTENCY_MODELS, result.checker)) return formatConsistencySummary(result, history);
  const lines = [`${result.checker}: ${VERDICT[String(result.valid) as keyof typeof VERDICT]}`];
  lines.push(`  ${statsLine(result, history)}`);
  if (result.unknownReason) lines.push(`  unknown because: ${result.unknownReason}`);
  lines.push(...describeAnomalies(result, history));
  return lines.join('\n') + '\n';
}
