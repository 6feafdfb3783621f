import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { HistoryError } from '../core/errors.js';
import type { Op } from '../core/op.js';
import { parseJsonValue } from './parse-json-value.js';
import { opFromRecord } from './op-from-record.js';
import { TruncatedHistoryError } from './truncated-history-error.js';

/** Options shared by the history readers. */
export interface ReadOptions {
  /** Name used in error messages (a path). */
  source?: string;
  /** Drop a malformed final event (a write cut short by a crash) instead of failing. */
  ignoreTruncated?: boolean;
}

/** Incremental JSONL decoder: feed lines in order, then call finish(). Shared by the string and file readers. */
class JsonlDecoder {
  readonly ops: Op[] = [];
  private pendingError: { line: number; message: string } | undefined;
  private lineNo = 0;

  constructor(private readonly options: ReadOptions) {}

  push(line: string): void {
    this.lineNo++;
    const text = this.lineNo === 1 && line.startsWith('\uFEFF') ? line.slice(1) : line; // byte order mark
    if (text.trim() === '') return;
    if (this.pendingError) this.throwSyntax(this.pendingError);
    let record: unknown;
    try {
      record = parseJsonValue(text);
    } catch (error) {
      // Only the last event may be cut short; decide once we know whether another line follows.
      this.pendingError = { line: this.lineNo, message: (error as Error).message };
      return;
    }
    const previous = this.ops[this.ops.length - 1];
    this.ops.push(
      opFromRecord(record, {
        position: this.ops.length,
        line: this.lineNo,
        source: this.options.source,
        previousTime: previous?.time ?? -1,
      }),
    );
  }

  finish(): Op[] {
    if (this.pendingError && !this.options.ignoreTruncated) {
      throw new TruncatedHistoryError(`the last line is not valid JSON (${this.pendingError.message})`, {
        line: this.pendingError.line,
        source: this.options.source,
      });
    }
    return this.ops;
  }

  private throwSyntax(error: { line: number; message: string }): never {
    throw new HistoryError(`not valid JSON: ${error.message}`, {
      line: error.line,
      source: this.options.source,
      hint: 'Each line must be one JSON object; see docs/history-format.md.',
    });
  }
}

/** Parses a JSONL history held in memory. */
export function parseJsonlHistory(text: string, options: ReadOptions = {}): Op[] {
  const decoder = new JsonlDecoder(options);
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    decoder.push(text.slice(start, end));
    start = end + 1;
  }
  return decoder.finish();
}

/** Reads a JSONL history file line by line, without holding the whole text in memory. */
export async function readJsonlHistory(path: string, options: ReadOptions = {}): Promise<Op[]> {
  const decoder = new JsonlDecoder({ ...options, source: options.source ?? path });
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) decoder.push(line);
  return decoder.finish();
}
