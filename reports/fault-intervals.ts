import type { History } from '../src/core/op.js';
import { showValue } from './show-value.js';

/** A span of time during which one kind of fault was in effect, from nemesis events. */
export interface FaultInterval {
  /** Fault kind: `partition`, `kill`, `pause`, `clock`, or the nemesis f itself. */
  kind: string;
  /** The starting event's f and value, e.g. `start-partition majority`. */
  label: string;
  /** Nanoseconds since start; `end` is null while the fault was never healed. */
  start: number;
  end: number | null;
  /** History indexes of the starting and ending nemesis events. */
  startIndex: number;
  endIndex: number | null;
}

/** Fault f -> [kind, f that ends it]. Anything `start-X` ends with `stop-X` (see kindOf). */
const known: Record<string, [string, string[]]> = {
  kill: ['kill', ['start', 'restart']],
  pause: ['pause', ['resume']],
  'bump-clock': ['clock', ['reset-clock']],
  'strobe-clock': ['clock', ['reset-clock']],
};

function kindOf(f: string): [string, string[]] | undefined {
  const k = known[f];
  if (k) return k;
  if (f.startsWith('start-')) {
    const what = f.slice('start-'.length);
    return [what, [`stop-${what}`, `heal-${what}`]];
  }
  return undefined;
}

/**
 * Pairs nemesis events into fault intervals. Only the completion of a nemesis op counts (that is
 * when the fault took effect); a lone `info` event (older Jepsen histories) counts as one too. A
 * fault never healed stays open (`end: null`); a fault started again while open keeps its first start.
 */
export function faultIntervals(history: History): FaultInterval[] {
  const out: FaultInterval[] = [];
  const open = new Map<string, FaultInterval>();
  for (let i = 0; i < history.length; i++) {
    const op = history[i]!;
    if (op.process !== 'nemesis' || op.type === 'invoke') continue;
    const starts = kindOf(op.f);
    if (starts) {
      if (!open.has(starts[0])) {
        const interval: FaultInterval = {
          kind: starts[0],
          label: `${op.f} ${showValue(op.value, 60)}`.trim(),
          start: op.time,
          end: null,
          startIndex: i,
          endIndex: null,
        };
        open.set(starts[0], interval);
        out.push(interval);
      }
      continue;
    }
    for (const [kind, interval] of open) {
      if (kindOf(history[interval.startIndex]!.f)?.[1].includes(op.f)) {
        interval.end = op.time;
        interval.endIndex = i;
        open.delete(kind);
      }
    }
  }
  return out;
}
