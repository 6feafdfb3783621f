import { createReadStream } from 'node:fs';
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

const NOT_BLANK = /\S/;

/** Incremental JSONL decoder: feed lines in order, then call finish(). Shared by the string and file readers. */
class JsonlDecoder {
  readonly ops: Op[] = [];
  private pendingError: { line: number; message: string } | undefined;
  private lineNo = 0;

  constructor(private readonly options: ReadOptions) {}

  push(line: string): void {
    this.lineNo++;
    const text = this.lineNo === 1 && line.startsWith('\uFEFF') ? line.slice(1) : line; // byte order mark
    if (!NOT_BLANK.test(text)) return;
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

/**
 * Reads a JSONL history file in chunks, without holding the whole text in memory. Lines end at
 * '\n', '\r\n' or a lone '\r', as node's readline splits them.
 */
export async function readJsonlHistory(path: string, options: ReadOptions = {}): Promise<Op[]> {
  const decoder = new JsonlDecoder({ ...options, source: options.source ?? path });
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      pushFileLine(decoder, text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') pushFileLine(decoder, rest);
  return decoder.finish();
}

/** Feeds one '\n'-terminated piece of a file: drops a '\r' before the '\n', splits at any other. */
function pushFileLine(decoder: JsonlDecoder, piece: string): void {
  const line = piece.endsWith('\r') ? piece.slice(0, -1) : piece;
  if (!line.includes('\r')) decoder.push(line);
  else for (const part of line.split('\r')) decoder.push(part);
}
