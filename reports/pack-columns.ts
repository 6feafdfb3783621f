import { gzipSync } from 'node:zlib';
import type { PackedLayout, PackedType } from './client/report-data.js';
import type { HistoryColumns } from './history-columns.js';

const SIZE: Record<PackedType, number> = { Uint8: 1, Uint16: 2, Uint32: 4, Int32: 4 };

/**
 * Packs the columns the report's client needs into one gzip'd, base64 buffer: a 1M-op history
 * becomes ~10 MB instead of ~50 MB, which is most of the load time. Times become integer
 * microseconds; `inv` and `start` are stored as deltas (both ascending), which gzip shrinks well.
 * The client inflates it with DecompressionStream and sums the deltas back (client/decode-columns.ts).
 */
export function packColumns(
  cols: HistoryColumns,
  procs: Int32Array,
): { layout: PackedLayout; base64: string } {
  const n = cols.inv.length;
  const invDelta = new Uint32Array(n);
  const startDelta = new Uint32Array(n);
  const dur = new Uint32Array(n);
  let prevInv = 0;
  let prevStart = 0;
  for (let k = 0; k < n; k++) {
    invDelta[k] = cols.inv[k]! - prevInv;
    prevInv = cols.inv[k]!;
    const start = Math.round(cols.start[k]! * 1000);
    startDelta[k] = Math.max(0, start - prevStart);
    prevStart = Math.max(prevStart, start);
    dur[k] = Math.min(0xffffffff, Math.round(cols.dur[k]! * 1000));
  }
  const narrow = (a: Uint32Array | Uint16Array, max: number): Uint8Array | Uint16Array | Uint32Array =>
    max < 0x100 ? Uint8Array.from(a) : max < 0x10000 ? Uint16Array.from(a) : Uint32Array.from(a);
  const arrays: Record<string, Uint8Array | Uint16Array | Uint32Array | Int32Array> = {
    invDelta,
    startDelta,
    dur,
    proc: procs,
    type: cols.type,
    f: narrow(cols.f, cols.fs.length),
    lane: narrow(cols.lane, cols.lanes.length),
    invValue: narrow(cols.invValue, cols.values.length),
    retValue: narrow(cols.retValue, cols.values.length),
  };
  const layout: PackedLayout = {};
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    const type = a.constructor.name.replace('Array', '') as PackedType;
    offset = Math.ceil(offset / 4) * 4;
    layout[name] = [offset, a.length, type];
    offset += a.length * SIZE[type];
  }
  const bytes = new Uint8Array(offset);
  for (const [name, a] of Object.entries(arrays)) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), layout[name]![0]);
  }
  return { layout, base64: gzipSync(bytes, { level: 6 }).toString('base64') };
}
