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
  /**
   * Primaries the system named right after the start and the end event (`primaries` in their
   * values); null when the lookup failed, absent when not recorded.
   */
  primariesAfterStart?: string[] | null;
  primariesAfterEnd?: string[] | null;
  /**
   * What the nodes did after the ending event, when it recorded that (`after`: per node, e.g. whether
   * the database runs again and what it logged after a corrupt fault), as plain text.
   */
  after?: string;
}

/** The `primaries` a nemesis completion recorded, if any. */
function primariesOf(value: unknown): string[] | null | undefined {
  if (value === null || typeof value !== 'object' || !('primaries' in value)) return undefined;
  const p = value.primaries;
  return Array.isArray(p) ? p.map(String) : null;
}

/** The value without the primaries bookkeeping, for the label. */
function withoutPrimaries(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('primaries' in value))
    return value;
  const { primaries: _p, primariesError: _e, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 1 && 'value' in rest ? rest['value'] : rest;
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
          label: `${op.f} ${showValue(withoutPrimaries(op.value), 60)}`.trim(),
          start: op.time,
          end: null,
          startIndex: i,
          endIndex: null,
        };
        const seen = primariesOf(op.value);
        if (seen !== undefined) interval.primariesAfterStart = seen;
        open.set(starts[0], interval);
        out.push(interval);
      }
      continue;
    }
    for (const [kind, interval] of open) {
      if (kindOf(history[interval.startIndex]!.f)?.[1].includes(op.f)) {
        interval.end = op.time;
        interval.endIndex = i;
        const seen = primariesOf(op.value);
        if (seen !== undefined) interval.primariesAfterEnd = seen;
        const after = afterText(op.value);
        if (after !== undefined) interval.after = after;
        open.delete(kind);
      }
    }
  }
  return out;
}

/** The `after` record of an ending event as text: one block per node, its fields, then what it logged. */
function afterText(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || !('after' in value)) return undefined;
  const after = value.after;
  if (after === null || typeof after !== 'object') return undefined;
  return Object.entries(after as Record<string, unknown>)
    .map(([node, v]) => {
      if (v === null || typeof v !== 'object') return `${node}: ${showValue(v, 200)}`;
      const { said, ...rest } = v as Record<string, unknown>;
      const head = `${node}: ${Object.entries(rest)
        .map(([k, x]) => `${k}=${showValue(x, 200)}`)
        .join(' ')}`;
      return typeof said === 'string' && said.trim() !== '' ? `${head}\n${said.trimEnd()}` : head;
    })
    .join('\n\n');
}
