import type { Value } from '../src/core/op.js';

/** What `faultline-clock probe` saw when it made the process itself read its clocks (skews in ms). */
export interface PtraceClockVisibility {
  [key: string]: Value;
  pid: number | null;
  mechanism: 'ptrace';
  /** The process's vDSO clock entries jump to faultline's offset code. */
  patched: boolean;
  realtimeSkewMs: number | null;
  monotonicSkewMs: number | null;
  gettimeofdaySkewMs: number | null;
  timeSkewS: number | null;
  visible: 'yes' | 'no' | 'unknown';
  reason: string;
}

/** How far a reading may be from the offset and still count as showing it, ms (ptrace stops are slow under load). */
export const PTRACE_TOLERANCE_MS = 250;

/**
 * Judges the probe output for a process that should see `realtimeMs` on CLOCK_REALTIME,
 * gettimeofday and time, and `monotonicMs` on CLOCK_MONOTONIC (pure). `output` is empty when the
 * tool could not run; `error` then says why.
 */
export function judgePtraceProbe(
  output: string,
  pid: number | undefined,
  realtimeMs: number,
  monotonicMs: number,
  error = '',
): PtraceClockVisibility {
  const facts = Object.fromEntries(
    output
      .split('\n')
      .map((l) => l.trim().split('='))
      .filter((kv) => kv.length === 2),
  ) as Record<string, string>;
  const ms = (key: string): number | null => (facts[key] === undefined ? null : Number(facts[key]) / 1e6);
  const base = {
    pid: pid ?? null,
    mechanism: 'ptrace' as const,
    patched: facts.patched === '1',
    realtimeSkewMs: ms('realtime_skew_ns'),
    monotonicSkewMs: ms('monotonic_skew_ns'),
    gettimeofdaySkewMs: ms('gettimeofday_skew_ns'),
    timeSkewS: facts.time_skew_s === undefined ? null : Number(facts.time_skew_s),
  };
  const out = (visible: PtraceClockVisibility['visible'], reason: string): PtraceClockVisibility => ({
    ...base,
    visible,
    reason,
  });
  if (pid === undefined) return out('unknown', 'the system does not report its process id (no HasProcess)');
  const { realtimeSkewMs: rt, monotonicSkewMs: mono, gettimeofdaySkewMs: gtod, timeSkewS: t } = base;
  if (rt === null || mono === null || gtod === null || t === null) {
    return out('unknown', `the ptrace probe did not run: ${error.trim() || 'no output'}`);
  }
  const near = (seen: number, want: number, slack = 0): boolean =>
    Math.abs(seen - want) <= PTRACE_TOLERANCE_MS + slack;
  const seen = [
    near(rt, realtimeMs) ? '' : `CLOCK_REALTIME is off by ${rt} ms`,
    near(gtod, realtimeMs) ? '' : `gettimeofday is off by ${gtod} ms`,
    near(t * 1000, realtimeMs, 1000) ? '' : `time() is off by ${t} s`,
    near(mono, monotonicMs) ? '' : `CLOCK_MONOTONIC is off by ${mono} ms`,
  ].filter((s) => s !== '');
  if (seen.length === 0) {
    return out(
      'yes',
      'the process, made to call its own vDSO clock functions, read the offset on every clock it was asked to skew',
    );
  }
  return out('no', `the process does not read the expected offset (${realtimeMs} ms): ${seen.join('; ')}`);
}
