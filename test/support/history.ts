// History builders for tests: `history(invoke(0, 'write', 1), ok(0, 'write', 1))` gives dense
// indexes and increasing times, so tables of cases stay short and readable.
import type { History, Op, OpType, ProcessId, Value } from '../../src/core/op.js';

/** An event before `history()` numbers it; extra fields (node, error, ...) are kept. */
export interface EventSpec {
  type: OpType;
  process: ProcessId;
  f: string;
  value: Value;
  /** Explicit time in ns; otherwise `history()` uses index * 1_000_000. */
  time?: number;
  [extra: string]: unknown;
}

function event(
  type: OpType,
  process: ProcessId,
  f: string,
  value: Value,
  extra?: Record<string, unknown>,
): EventSpec {
  return { ...extra, type, process, f, value };
}

/** An invocation by `process`. */
export function invoke(
  process: ProcessId,
  f: string,
  value: Value = null,
  extra?: Record<string, unknown>,
): EventSpec {
  return event('invoke', process, f, value, extra);
}

/** A successful completion; `value` is what the op returned (e.g. the value read). */
export function ok(
  process: ProcessId,
  f: string,
  value: Value = null,
  extra?: Record<string, unknown>,
): EventSpec {
  return event('ok', process, f, value, extra);
}

/** A completion that certainly did not take effect. */
export function fail(
  process: ProcessId,
  f: string,
  value: Value = null,
  extra?: Record<string, unknown>,
): EventSpec {
  return event('fail', process, f, value, extra);
}

/** A completion with unknown outcome: the op may take effect at any later time, or never. */
export function info(
  process: ProcessId,
  f: string,
  value: Value = null,
  extra?: Record<string, unknown>,
): EventSpec {
  return event('info', process, f, value, extra);
}

/** A nemesis event (process "nemesis", type info unless given). */
export function nemesis(f: string, value: Value = null, type: OpType = 'info'): EventSpec {
  return event(type, 'nemesis', f, value);
}

/** Numbers events: index = position, time = explicit time or index * 1 ms in ns. */
export function history(...events: readonly EventSpec[]): History {
  return events.map((e, index): Op => ({ ...e, index, time: e.time ?? index * 1_000_000 }));
}

/** `invoke` and its `ok` right after it, for sequential parts of a history. */
export function call(process: ProcessId, f: string, invoked: Value, returned: Value = invoked): EventSpec[] {
  return [invoke(process, f, invoked), ok(process, f, returned)];
}
