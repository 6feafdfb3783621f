import { HistoryError } from '../core/errors.js';
import type { Op, OpType, ProcessId, Value } from '../core/op.js';
import { ReadOp } from './source-lines.js';

/** Where a record came from, and the time of the event before it (for synthesized times). */
export interface RecordPosition {
  /** 0-based position in the history: becomes `index`. */
  position: number;
  /** 1-based source line. */
  line: number;
  source: string | undefined;
  /** Time of the previous event, or -1 for the first. */
  previousTime: number;
}

/** Whether `key` is one of the fields opFromRecord reads itself (a switch: cheaper than a Set per key). */
function isKnownField(key: string): boolean {
  switch (key) {
    case 'index':
    case 'type':
    case 'process':
    case 'f':
    case 'value':
    case 'time':
    case 'node':
    case 'error':
      return true;
    default:
      return false;
  }
}

function isOpType(type: unknown): type is OpType {
  return type === 'invoke' || type === 'ok' || type === 'fail' || type === 'info';
}

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
  if (!isOpType(type)) {
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

  const op = new ReadOp(
    at.line,
    at.position,
    type as OpType,
    process as ProcessId,
    f as string,
    record['value'] ?? null,
    time as number,
  );
  if (typeof node === 'string') op.node = node;
  if (record['error'] !== undefined) op.error = record['error'];
  const index = record['index'];
  if (index !== undefined && index !== at.position) op['sourceIndex'] = index;
  for (const key in record) if (!isKnownField(key)) op[key] = record[key];
  return op;
}
