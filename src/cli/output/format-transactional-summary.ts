import { allowedFindings, describeAllowed } from '../../../reports/allowed-findings.js';
import type { CheckResult } from '../../core/checker.js';
import type { History } from '../../core/op.js';
import { anomalyCounts, describeAnomalies, describeKind, showCounts } from './describe-anomalies.js';

const VERDICT = { true: 'VALID', false: 'INVALID', unknown: 'UNKNOWN' } as const;

const n = (value: number | undefined): string => (value ?? 0).toLocaleString('en-US');
const names = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The readable summary of a transactional result: verdict, counts, the anomaly types found with
 * what each means, the models they rule out and the strongest still possible, then the first few
 * anomalies with their cycles explained.
 */
export function formatTransactionalSummary(result: CheckResult, history: History): string {
  const stats = result.stats ?? {};
  const lines = [
    `transactional (${String(result['workload'])}, ${String(result['consistencyModel'])}): ${VERDICT[String(result.valid) as keyof typeof VERDICT]}`,
    `  ${n(history.length)} events, ${n(stats['txns'])} transactions (${n(stats['committed'])} committed, ` +
      `${n(stats['indeterminate'])} indeterminate, ${n(stats['aborted'])} aborted), ` +
      `${n(stats['microOps'])} micro-ops on ${n(stats['keys'])} keys, ${n(stats['ms'])} ms` +
      (result['realtime'] === true ? ', with real-time order' : ''),
  ];
  const allowed = allowedFindings(result);
  if (allowed) lines.push(`  ${describeAllowed(allowed)}`);
  if (result.unknownReason) lines.push(`  unknown because: ${result.unknownReason}`);
  const counts = anomalyCounts(result);
  const types = names(result['anomalyTypes']);
  if (types.length === 0) lines.push('  anomaly types: none found');
  else {
    lines.push(
      `  anomaly types: ${showCounts(Object.fromEntries(types.map((id) => [id, counts[id] ?? 1])))}`,
    );
    for (const id of types) lines.push(`    ${id}: ${describeKind(result, id)}`);
  }
  const ruledOut = names(result['notModels']);
  const stronger = names(result['alsoNot']);
  if (ruledOut.length > 0) {
    const also =
      stronger.length === 0 ? '' : `, and so the ${stronger.length} stronger: ${stronger.join(', ')}`;
    lines.push(`  ruled out: ${ruledOut.join(', ')}${also}`);
  }
  const possible = names(result['possibleModels']);
  lines.push(
    `  strongest models still possible: ${possible.length === 0 ? 'none that were fully checked' : possible.join(', ')}`,
  );
  for (const note of names(result['notes'])) lines.push(`  note: ${note}`);
  // A cycle's steps are already spelled out in its message.
  lines.push(...describeAnomalies(result, history, ['cycle']));
  return lines.join('\n') + '\n';
}
