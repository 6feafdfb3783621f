import type { CounterexampleOp } from '../../../checkers/linearizability/counterexample.js';
import type { LinearizabilityResult } from '../../../checkers/linearizability/linearizability-result.js';
import type { History } from '../../core/op.js';
import { compact } from './compact.js';

const VERDICT = { true: 'VALID', false: 'INVALID', unknown: 'UNKNOWN' } as const;
const MAX_KEYS = 10;

function n(value: number): string {
  return value.toLocaleString('en-US');
}

/** `#12 p3 cas [1,2] -> [1,2]`, as a person reads an op (a read's nil argument is left out). */
function showOp(op: CounterexampleOp): string {
  const argument = op.invoked === null ? '' : ` ${compact(op.invoked, 50)}`;
  const call = `#${op.index} p${String(op.process)} ${op.f}${argument}`;
  if (op.relaxed)
    return `${call} -> ${compact(op.returned, 50)} (ok in the history; relaxed to info while shrinking)`;
  if (op.type === 'info') return `${call} (crashed: info, may take effect any time after its call, or never)`;
  if (op.type === 'fail') return `${call} (failed, but observed the state)`;
  return `${call} -> ${compact(op.returned, 50)}`;
}

/** The readable summary of a linearizability result: verdict, per-key counts, and the counterexample. */
export function formatLinearizabilitySummary(result: LinearizabilityResult, history: History): string {
  const keys = result.keys;
  const count = (v: true | false | 'unknown'): number => keys.filter((k) => k.valid === v).length;
  const explored = keys.reduce((sum, k) => sum + k.explored, 0);
  const ops = keys.reduce((sum, k) => sum + k.ops, 0);
  const ms = result.stats?.['ms'] ?? keys.reduce((sum, k) => sum + k.ms, 0);
  const keyed = keys.some((k) => k.key !== undefined);
  const lines = [
    `linearizability (${result.model}): ${VERDICT[String(result.valid) as keyof typeof VERDICT]}`,
  ];
  lines.push(
    `  ${n(history.length)} events, ${n(ops)} ops searched, ${n(explored)} states explored, ${n(Math.round(ms))} ms`,
  );
  if (keyed) {
    const skipped =
      result.skippedKeys > 0
        ? `, ${n(result.skippedKeys)} skipped after the first invalid key (--all-failures checks them)`
        : '';
    lines.push(
      `  keys: ${n(count(true))} valid, ${n(count(false))} invalid, ${n(count('unknown'))} unknown${skipped}`,
    );
  }
  const undecided = keys.filter((k) => k.valid !== true);
  for (const key of undecided.slice(0, MAX_KEYS)) {
    const name = keyed ? `key ${compact(key.key, 40)}` : 'history';
    const counts = `${n(key.ops)} ops, ${n(key.explored)} states, ${n(key.linearized)}/${n(key.required)} required ops linearized`;
    const why = key.valid === 'unknown' ? `: ${key.unknownReason ?? 'undecided'}` : '';
    lines.push(`  ${name}: ${key.valid === 'unknown' ? 'unknown' : 'invalid'} (${counts})${why}`);
  }
  if (undecided.length > MAX_KEYS)
    lines.push(`  ... and ${n(undecided.length - MAX_KEYS)} more keys (see --json)`);
  if (undecided.length === 0 && result.unknownReason) lines.push(`  ${result.unknownReason}`);

  const cx = result.counterexample;
  if (cx) {
    const where = cx.key === undefined ? '' : ` on key ${compact(cx.key, 40)}`;
    lines.push('', `Counterexample${where}: ${cx.ops.length} of ${cx.originalOps} ops cannot be linearized`);
    lines.push(`  initial state: ${cx.initialState}`);
    if (cx.prefix.length === 0) lines.push('  linearized prefix: (none)');
    else lines.push('  linearized prefix (op -> state after it):');
    for (const step of cx.prefix) lines.push(`    ${showOp(step.op)}  => state ${step.state}`);
    if (cx.blocking) lines.push(`  must take effect before it returns, but cannot: ${showOp(cx.blocking)}`);
    if (cx.stuck.length > 0) lines.push('  ops that cannot go next:');
    for (const stuck of cx.stuck)
      lines.push(`    ${showOp(stuck.op)}  in state ${stuck.state}: ${stuck.reason}`);
  }
  return lines.join('\n') + '\n';
}
