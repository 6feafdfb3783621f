// Reading histories: a Jepsen-shaped EDN history of 20.6k events (one map per line, as Jepsen's
// history.edn) and the same history as JSONL, parsed from memory and read from a file. The verdict
// carries the throughput in MB/s of text. The `-memory-reference` cases time the reference readers
// (test/support/edn-reference: the readers before issue 14) on the same text, for a before/after in one run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Op } from '../../src/core/op.js';
import { parseEdnHistory } from '../../src/history/edn-history.js';
import { parseJsonlHistory } from '../../src/history/jsonl-codec.js';
import { readHistory } from '../../src/history/read-history.js';
import { serializeOp } from '../../src/history/serialize-op.js';
import { parseEdnHistory as parseEdnReference } from '../../test/support/edn-reference/edn-history.js';
import { parseJsonlHistory as parseJsonlReference } from '../../test/support/edn-reference/jsonl-history.js';
import type { BenchCase, BenchSuite } from '../harness.js';
import { formatJepsenEdn } from '../gen/format-jepsen-edn.js';
import { generateRegisterHistory } from '../gen/generate-register-history.js';

/** 10.3k cas-register ops on 200 independent keys by 20 processes: 20.6k events, times of a 60 s run. */
function jepsenShaped(): Op[] {
  const shape = { ops: 10_300, processes: 20, keys: 200, values: 1000, cas: true, infoRate: 0.05, seed: 7 };
  return generateRegisterHistory(shape).map((op) => ({
    ...op,
    time: op.time * 2913 + 1_234_567_890,
    node: `n${1 + ((op.index * 7) % 5)}`,
  }));
}

interface Text {
  text: string;
  file: string;
  events: number;
}

function prepare(format: 'edn' | 'jsonl'): Text {
  const history = jepsenShaped();
  const text =
    format === 'edn' ? formatJepsenEdn(history) : `${history.map((op) => serializeOp(op)).join('\n')}\n`;
  const file = join(mkdtempSync(join(tmpdir(), 'faultline-bench-')), `history.${format}`);
  writeFileSync(file, text);
  return { text, file, events: history.length };
}

function parseCase(format: 'edn' | 'jsonl', from: 'memory' | 'file' | 'reference'): BenchCase {
  return {
    name: `${format}-20.6k-${from === 'reference' ? 'memory-reference' : from}`,
    params: { format, events: 20_600, from },
    quick: true,
    prepare: () => prepare(format),
    run: async (input) => {
      const { text, file, events } = input as Text;
      const started = performance.now();
      const ops =
        from === 'file'
          ? await readHistory(file, { format })
          : from === 'reference'
            ? format === 'edn'
              ? parseEdnReference(text)
              : parseJsonlReference(text)
            : format === 'edn'
              ? parseEdnHistory(text)
              : parseJsonlHistory(text);
      const seconds = (performance.now() - started) / 1000;
      if (ops.length !== events) throw new Error(`read ${ops.length} events, expected ${events}`);
      const mb = Buffer.byteLength(text) / 1e6;
      return {
        ops: events,
        verdict: { mb: Math.round(mb * 100) / 100, mbPerSec: Math.round((mb / seconds) * 10) / 10 },
      };
    },
  };
}

export const suite: BenchSuite = {
  name: 'parsing',
  cases: () => [
    parseCase('edn', 'reference'),
    parseCase('edn', 'memory'),
    parseCase('edn', 'file'),
    parseCase('jsonl', 'reference'),
    parseCase('jsonl', 'memory'),
    parseCase('jsonl', 'file'),
  ],
};
