// The reference JSONL reader for benchmarks: the in-memory path of src/history/jsonl-codec.ts with
// the frozen op-from-record.ts beside it (the reader before issue 14's speed work on events). It
// skips the truncation rules of the real reader: it times well-formed text only.
import type { Op } from '../../../src/core/op.js';
import { parseJsonValue } from '../../../src/history/parse-json-value.js';
import { opFromRecord } from './op-from-record.js';

/** Parses a well-formed JSONL history held in memory, as faultline did before issue 14. */
export function parseJsonlHistory(text: string): Op[] {
  const ops: Op[] = [];
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const piece = text.slice(start, end);
    line++;
    start = end + 1;
    if (!/\S/.test(piece)) continue;
    const previous = ops[ops.length - 1];
    ops.push(
      opFromRecord(parseJsonValue(piece), {
        position: ops.length,
        line,
        source: undefined,
        previousTime: previous?.time ?? -1,
      }),
    );
  }
  return ops;
}
