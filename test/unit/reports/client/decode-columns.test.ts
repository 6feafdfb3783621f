// The browser's side of the packed columns against the server's: pack, gunzip, decode, compare.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { base64Bytes, decodeColumns } from '../../../../reports/client/decode-columns.js';
import { historyColumns } from '../../../../reports/history-columns.js';
import { packColumns } from '../../../../reports/pack-columns.js';
import { pairOps } from '../../../../src/history/pair-ops.js';
import { history, info, invoke, nemesis, ok } from '../../../support/history.js';

const h = history(
  invoke(0, 'write', 1, { time: 0 }),
  invoke(1, 'read', null, { time: 250_000 }),
  nemesis('start-partition', 'majority'),
  ok(0, 'write', 1, { time: 1_600_000 }),
  info(1, 'read', null, { time: 2_000_000 }),
  invoke(2, 'read', null, { time: 3_000_000 }),
  ok(2, 'read', 1, { time: 3_500_000 }),
  invoke(0, 'write', 2, { time: 4_000_000 }),
);

describe('decodeColumns', () => {
  for (const axis of ['time', 'index'] as const) {
    it(`gives back the server's columns (${axis} axis)`, () => {
      const cols = historyColumns(h, pairOps(h), undefined, axis);
      const procs = Int32Array.from(cols.inv, (i) => Number(h[i]!.process));
      const packed = packColumns(cols, procs);
      const bytes = gunzipSync(base64Bytes(packed.base64));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const got = decodeColumns(buffer, packed.layout);
      expect([...got.inv]).toEqual([...cols.inv]);
      expect([...got.start]).toEqual([...cols.start]);
      expect([...got.dur]).toEqual([...cols.dur]);
      expect([...got.proc]).toEqual([0, 1, 2, 0]);
      expect([...got.type]).toEqual([...cols.type]);
      expect([...got.f]).toEqual([...cols.f]);
      expect([...got.lane]).toEqual([...cols.lane]);
      expect([...got.invValue]).toEqual([...cols.invValue]);
      expect([...got.retValue]).toEqual([...cols.retValue]);
    });
  }

  it('names a missing column', () => {
    expect(() => decodeColumns(new ArrayBuffer(0), {})).toThrow('no column invDelta');
  });
});
