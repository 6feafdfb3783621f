import type { PackedLayout, PackedType } from './report-data.js';

/** A column as it arrives: one of the typed arrays reports/pack-columns.ts packs. */
export type PackedColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** The ops as the report draws them, one row per op in invocation order (see history-columns.ts). */
export interface Columns {
  /** History index of each invocation (ascending). */
  inv: Int32Array;
  /** Invocation, in axis units (ascending). */
  start: Float64Array;
  /** Completion minus invocation, in axis units. */
  dur: Float32Array;
  proc: PackedColumn;
  /** 0 ok, 1 fail, 2 info, 3 pending. */
  type: PackedColumn;
  f: PackedColumn;
  lane: PackedColumn;
  invValue: PackedColumn;
  retValue: PackedColumn;
}

const TYPED: Record<PackedType, new (buffer: ArrayBuffer, offset: number, length: number) => PackedColumn> = {
  Uint8: Uint8Array,
  Uint16: Uint16Array,
  Uint32: Uint32Array,
  Int32: Int32Array,
};

/** The bytes of a base64 text (with Uint8Array.fromBase64 where the browser has it). */
export function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> })
    .fromBase64;
  if (typeof native === 'function') return native(text);
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * The columns from the inflated buffer: views on it, with the delta encoding of `inv` and `start`
 * undone and times back from integer microseconds (of the axis unit) to axis units.
 */
export function decodeColumns(buffer: ArrayBuffer, layout: PackedLayout): Columns {
  const col = (name: string): PackedColumn => {
    const l = layout[name];
    if (!l) throw new Error(`the report has no column ${name}`);
    return new TYPED[l[2]](buffer, l[0], l[1]);
  };
  const invDelta = col('invDelta');
  const startDelta = col('startDelta');
  const durMicros = col('dur');
  const n = invDelta.length;
  const inv = new Int32Array(n);
  const start = new Float64Array(n);
  const dur = new Float32Array(n);
  let i = 0;
  let t = 0;
  for (let k = 0; k < n; k++) {
    i += invDelta[k]!;
    t += startDelta[k]!;
    inv[k] = i;
    start[k] = t / 1000;
    dur[k] = durMicros[k]! / 1000;
  }
  return {
    inv,
    start,
    dur,
    proc: col('proc'),
    type: col('type'),
    f: col('f'),
    lane: col('lane'),
    invValue: col('invValue'),
    retValue: col('retValue'),
  };
}
