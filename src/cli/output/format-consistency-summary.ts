import { CONSISTENCY_MODELS } from '../../check/check-plan.js';
import type { CheckResult } from '../../core/checker.js';
import type { History } from '../../core/op.js';
import { anomalyCounts, describeAnomalies, describeKind, showCounts } from './describe-anomalies.js';

const VERDICT = { true: 'VALID', false: 'INVALID', unknown: 'UNKNOWN' } as const;

const n = (value: number | undefined): string => (value ?? 0).toLocaleString('en-US');

function scope(result: CheckResult, history: History): string {
  const s = result.stats ?? {};
  if (result.checker === 'sequential') {
    const construction =
      (s['keysByConstruction'] ?? 0) > 0
        ? `, ${n(s['keysByConstruction'])} ${s['keysByConstruction'] === 1 ? 'key' : 'keys'} decided directly from unique written values`
        : '';
    return (
      `${n(history.length)} events, ${n(s['ops'])} ops on ${n(s['keys'])} ${s['keys'] === 1 ? 'key' : 'keys'}, ` +
      `${n(s['explored'])} configurations explored${construction}`
    );
  }
  if (result.stats === undefined) return `${n(history.length)} events`;
  return `${n(history.length)} events, ${n(s['ops'])} ops (${n(s['reads'])} reads, ${n(s['writes'])} writes) in ${n(s['processes'])} processes`;
}

/**
 * The readable summary of a sequential or causal-family result: verdict, what was checked, the bad
 * patterns found with what each means, then the first few with the ops that form them.
 */
export function formatConsistencySummary(result: CheckResult, history: History): string {
  const entry = (CONSISTENCY_MODELS as Record<string, { description: string } | undefined>)[result.checker];
  const model = typeof result['model'] === 'string' ? ` (${result['model']} model)` : '';
  const lines = [
    `${result.checker}: ${VERDICT[String(result.valid) as keyof typeof VERDICT]}`,
    `  checked: ${entry?.description ?? result.checker}${model}`,
    `  ${scope(result, history)}`,
  ];
  if (result.unknownReason) lines.push(`  unknown because: ${result.unknownReason}`);
  const counts = anomalyCounts(result);
  if (Object.keys(counts).length > 0) {
    lines.push(
      `  ${result.checker === 'sequential' ? 'found' : 'bad patterns found'}: ${showCounts(counts)}`,
    );
    for (const id of Object.keys(counts)) lines.push(`    ${id}: ${describeKind(result, id)}`);
  }
  lines.push(...describeAnomalies(result, history));
  return lines.join('\n') + '\n';
}
