import type { Anomaly, CheckResult } from '../../core/checker.js';
import type { LinearizabilityResult } from '../../../checkers/linearizability/linearizability-result.js';
import type { History, Op, Value } from '../../core/op.js';
import { compact } from './compact.js';
import { formatLinearizabilitySummary } from './format-linearizability-summary.js';

const VERDICT = { true: 'VALID', false: 'INVALID', unknown: 'UNKNOWN' } as const;

/** One op as a person reads it: `#12 p3 read -> 4`. */
export function describeOp(op: Op | undefined, index: number): string {
  if (op === undefined) return `#${index}`;
  return `#${index} p${String(op.process)} ${op.type} ${op.f} ${compact(op.value as Value, 60)}`;
}

function statsLine(result: CheckResult, history: History): string {
  const stats = result.stats ?? {};
  const parts = [`events: ${history.length}`];
  for (const [name, value] of Object.entries(stats)) {
    parts.push(`${name}: ${Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1)}`);
  }
  return parts.join('   ');
}

function describeDetail(name: string, value: unknown, history: History): string[] {
  if (name === 'ops' && Array.isArray(value)) {
    return [`  ops:`, ...value.slice(0, 20).map((i) => `    ${describeOp(history[Number(i)], Number(i))}`)];
  }
  if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' && value[0] !== null) {
    return [`  ${name}:`, ...value.slice(0, 20).map((item) => `    ${compact(item)}`)];
  }
  return [`  ${name}: ${compact(value)}`];
}

function describeAnomaly(anomaly: Anomaly, history: History): string[] {
  const lines = [`${anomaly.id}: ${anomaly.message}`];
  for (const [name, value] of Object.entries(anomaly)) {
    if (name === 'id' || name === 'message' || value === undefined) continue;
    lines.push(...describeDetail(name, value, history));
  }
  return lines;
}

/** The readable summary `faultline check` prints; a generic rendering for checkers without their own. */
export function formatCheckSummary(result: CheckResult, history: History): string {
  if (result.checker === 'linearizability' && Array.isArray(result['keys'])) {
    return formatLinearizabilitySummary(result as LinearizabilityResult, history);
  }
  const lines = [`${result.checker}: ${VERDICT[String(result.valid) as keyof typeof VERDICT]}`];
  lines.push(`  ${statsLine(result, history)}`);
  if (result.unknownReason) lines.push(`  unknown because: ${result.unknownReason}`);
  for (const anomaly of result.anomalies) lines.push('', ...describeAnomaly(anomaly, history));
  return lines.join('\n') + '\n';
}
