// Frozen copy of src/history/op-from-record.ts before issue 14's speed work (it kept the source line
// in a non-enumerable symbol property): the reference the readers are checked and timed against.
import { HistoryError } from '../../../src/core/errors.js';
import { OP_TYPES, type Op, type OpType, type ProcessId, type Value } from '../../../src/core/op.js';
import type { RecordPosition } from '../../../src/history/op-from-record.js';

// A non-enumerable symbol property, as before issue 14 (see src/history/source-lines.ts for today's way).
const LINE = Symbol('faultline.referenceSourceLine');

function setSourceLine(op: Op, line: number): void {
  Object.defineProperty(op, LINE, { value: line, enumerable: false, writable: true, configurable: true });
}

/** The source line the reference reader recorded for `op`. */
export function referenceLineOf(op: Op): number | undefined {
  return (op as unknown as { [LINE]?: number })[LINE];
}

const KNOWN = new Set(['index', 'type', 'process', 'f', 'value', 'time', 'node', 'error']);

function isRecord(value: unknown): value is Record<string, Value> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'bigint'
    ? `${value}`
    : JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}` : v));
}

const FIELDS_HINT = 'See docs/history-format.md for the fields of an event.';

function reject(at: RecordPosition, message: string, hint = FIELDS_HINT): never {
  throw new HistoryError(message, { line: at.line, source: at.source, hint });
}

/**
 * Turns one decoded event (a JSON object or an EDN map) into an Op, checking each field's type.
 * `index` becomes the position (a differing recorded index is kept as `sourceIndex`); a missing
 * `value` is null; a missing `time` is the previous event's time + 1; unknown fields are kept.
 */
export function opFromRecord(record: unknown, at: RecordPosition): Op {
  if (!isRecord(record)) {
    return reject(
      at,
      `an event must be a map/object, found ${describe(record)}`,
      'Write one event per line, e.g. {"type":"invoke","process":0,"f":"read","value":null}.',
    );
  }
  const type = record['type'];
  if (typeof type !== 'string' || !(OP_TYPES as readonly string[]).includes(type)) {
    reject(
      at,
      type === undefined
        ? 'missing field "type": expected invoke, ok, fail or info'
        : `unknown type ${describe(type)}: expected invoke, ok, fail or info`,
    );
  }
  const process = record['process'];
  if (!(
    process === 'nemesis' ||
    (typeof process === 'number' && Number.isInteger(process) && process >= 0)
  )) {
    reject(
      at,
      process === undefined
        ? 'missing field "process": a non-negative integer, or "nemesis"'
        : `process ${describe(process)} is not a non-negative integer or "nemesis"`,
    );
  }
  const f = record['f'];
  if (typeof f !== 'string' || f === '') {
    reject(
      at,
      f === undefined
        ? 'missing field "f": the op\'s function, e.g. "read"'
        : `f ${describe(f)} is not a non-empty string (the op's function, e.g. "read")`,
    );
  }
  let time = record['time'];
  if (typeof time === 'bigint') time = Number(time);
  if (time === undefined || time === null) {
    time = at.previousTime + 1;
  } else if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
    reject(at, `time ${describe(time)} is not a non-negative number of nanoseconds`);
  }
  const node = record['node'];
  if (node !== undefined && node !== null && typeof node !== 'string')
    reject(at, `node ${describe(node)} is not a string`);

  const op: Op = {
    index: at.position,
    type: type as OpType,
    process: process as ProcessId,
    f: f as string,
    value: record['value'] ?? null,
    time: time as number,
  };
  if (typeof node === 'string') op.node = node;
  if (record['error'] !== undefined) op.error = record['error'];
  const index = record['index'];
  if (index !== undefined && index !== at.position) op['sourceIndex'] = index;
  for (const key of Object.keys(record)) if (!KNOWN.has(key)) op[key] = record[key];
  setSourceLine(op, at.line);
  return op;
}
