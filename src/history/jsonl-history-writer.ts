import { closeSync, openSync, writeSync } from 'node:fs';
import { FaultlineError } from '../core/errors.js';
import type { Op } from '../core/op.js';
import { serializeOp } from './serialize-op.js';

/**
 * Appends ops to a history.jsonl file as they happen, one line each. Every append is a synchronous
 * write of the whole line, so what was appended survives a crash of this process.
 */
export class JsonlHistoryWriter {
  private fd: number | undefined;

  /** Opens (creating or appending to) `path`. */
  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  append(op: Op): void {
    if (this.fd === undefined) {
      throw new FaultlineError(
        'INTERNAL',
        `the history writer for ${this.path} is closed; append before close()`,
      );
    }
    const bytes = Buffer.from(serializeOp(op) + '\n');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
  }

  /** Closes the file; safe to call twice. */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The whole history as JSONL text (one line per op, newline-terminated). */
export function formatJsonlHistory(history: readonly Op[]): string {
  let out = '';
  for (const op of history) out += serializeOp(op) + '\n';
  return out;
}
