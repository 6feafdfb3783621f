import type { Anomaly, CheckResult } from '../../core/checker.js';
import type { History, Op, Value } from '../../core/op.js';
import { pairOps } from '../../history/pair-ops.js';
import { compact } from './compact.js';

/** Anomalies printed in full; the rest are counted (`--json` lists them all). */
const MAX_ANOMALIES = 5;
const MAX_OPS = 10;

/** One op as a person reads it: `#12 p3 invoke read null`. */
export function describeOp(op: Op | undefined, index: number): string {
  if (op === undefined) return `#${index}`;
  return `#${index} p${String(op.process)} ${op.type} ${op.f} ${compact(op.value as Value, 60)}`;
}

/** An invocation with what its completion returned: `#4 p1 invoke read null -> ok 2`. */
function describeCall(history: History, partner: Int32Array | undefined, index: number): string {
  const op = history[index];
  const end = partner?.[index];
  const completion = end === undefined || end < 0 ? undefined : history[end];
  const call = describeOp(op, index);
  if (op?.type !== 'invoke') return call;
  if (completion === undefined) return `${call} -> (never completed)`;
  return `${call} -> ${completion.type} ${compact(completion.value as Value, 80)}`;
}

function describeDetail(name: string, value: unknown): string[] {
  if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' && value[0] !== null) {
    return [`  ${name}:`, ...value.slice(0, 20).map((item) => `    ${compact(item)}`)];
  }
  return [`  ${name}: ${compact(value)}`];
}

/** Count of each anomaly id: the checker's own counts when it keeps them, else the listed anomalies. */
export function anomalyCounts(result: CheckResult): Record<string, number> {
  const own = result['anomalyCounts'];
  if (own !== null && typeof own === 'object') return own as Record<string, number>;
  const counts: Record<string, number> = {};
  for (const a of result.anomalies) counts[a.id] = (counts[a.id] ?? 0) + 1;
  for (const [name, n] of Object.entries(result.stats ?? {})) {
    if (name.startsWith('found ')) counts[name.slice('found '.length)] = n;
  }
  return counts;
}

/** What anomaly `id` means, from the catalog entry the checker attached to its result. */
export function describeKind(result: CheckResult, id: string): string {
  return result.anomalyKinds?.[id]?.description ?? '(no description)';
}

/** `G1c (1), G-single (2)`. */
export function showCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([id, n]) => `${id} (${n.toLocaleString('en-US')})`)
    .join(', ');
}

/**
 * The first few anomalies, each as `id: message` with its ops (invocation and what it returned) and
 * any other details, then how many more there are. `skip` names details the message already says.
 */
export function describeAnomalies(
  result: CheckResult,
  history: History,
  skip: readonly string[] = [],
): string[] {
  let partner: Int32Array | undefined;
  try {
    partner = pairOps(history);
  } catch {
    partner = undefined; // Unpaired histories were rejected earlier; show invocations alone if not.
  }
  const lines: string[] = [];
  const shown = result.anomalies.slice(0, MAX_ANOMALIES);
  for (const anomaly of shown) lines.push('', ...describeAnomaly(anomaly, history, partner, skip));
  const total = Object.values(anomalyCounts(result)).reduce((sum, n) => sum + n, 0);
  const more = Math.max(total, result.anomalies.length) - shown.length;
  if (more > 0)
    lines.push('', `... and ${more.toLocaleString('en-US')} more anomalies (--json lists those found)`);
  return lines;
}

function describeAnomaly(
  anomaly: Anomaly,
  history: History,
  partner: Int32Array | undefined,
  skip: readonly string[],
): string[] {
  const message = anomaly.message.startsWith(`${anomaly.id}:`)
    ? anomaly.message
    : `${anomaly.id}: ${anomaly.message}`;
  const lines = [message];
  for (const [name, value] of Object.entries(anomaly)) {
    if (name === 'id' || name === 'message' || value === undefined || skip.includes(name)) continue;
    if (name === 'ops' && Array.isArray(value)) {
      lines.push('  ops:');
      for (const i of value.slice(0, MAX_OPS)) lines.push(`    ${describeCall(history, partner, Number(i))}`);
      if (value.length > MAX_OPS) lines.push(`    ... and ${value.length - MAX_OPS} more`);
    } else lines.push(...describeDetail(name, value));
  }
  return lines;
}
