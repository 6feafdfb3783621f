// The reference EDN reader: the plain token-object reader faultline shipped before issue 14,
// frozen. The property test test/unit/history/edn-reader-agreement.test.ts checks that the fast
// reader in src/history agrees with it, and `npm run bench -- --suite parsing` times both in one
// run. Not used by faultline itself.
import type { Op, Value } from '../../../src/core/op.js';
import { EdnParser } from './edn-parser.js';
import type { ReadOptions } from '../../../src/history/jsonl-codec.js';
import { opFromRecord } from './op-from-record.js';
import { TruncatedHistoryError } from '../../../src/history/truncated-history-error.js';

/**
 * Parses a Jepsen EDN history: either one map per line (Jepsen's history.edn), or a single vector
 * or list of maps (Knossos test data), which may span many lines. Each op keeps the line where its
 * map starts (the line of its first token). With `ignoreTruncated`, an event cut off by the end of the file is dropped.
 */
export function parseEdnHistory(text: string, options: ReadOptions = {}): Op[] {
  const parser = new EdnParser(text.startsWith('\uFEFF') ? text.slice(1) : text, options.source);
  const ops: Op[] = [];
  const add = (record: Value, line: number): void => {
    const previous = ops[ops.length - 1];
    ops.push(
      opFromRecord(record, {
        position: ops.length,
        line,
        source: options.source,
        previousTime: previous?.time ?? -1,
      }),
    );
  };
  try {
    let first = true;
    for (;;) {
      const token = parser.nextToken();
      if (token.kind === 'eof') break;
      if (first && token.kind === 'open' && (token.delim === '[' || token.delim === '(')) {
        // Knossos style: read the events of the outer vector one by one, so a truncated file keeps its prefix.
        for (;;) {
          const inner = parser.nextToken();
          if (inner.kind === 'eof') {
            if (options.ignoreTruncated) break; // every event is complete; only the closing ']' is missing
            throw new TruncatedHistoryError(`the vector of events opened here is never closed`, {
              line: token.line,
              source: options.source,
            });
          }
          if (inner.kind === 'close') break;
          add(parser.readFormFrom(inner), inner.line);
        }
      } else {
        add(parser.readFormFrom(token), token.line);
      }
      first = false;
    }
  } catch (error) {
    if (!(error instanceof TruncatedHistoryError && options.ignoreTruncated)) throw error;
    // Ignore only a cut-off final event: an unclosed map in the middle would swallow the events after it.
    const rest = text.split('\n').slice(error.line! - 1);
    if (rest.filter((line) => /^\s*[[(]?\s*\{/.test(line)).length > 1) throw error;
  }
  return ops;
}
