import { open, readFile } from 'node:fs/promises';
import { HistoryError } from '../core/errors.js';
import type { Op } from '../core/op.js';
import { parseEdnHistory } from './edn-history.js';
import { detectHistoryFormat } from './history-format.js';
import { readJsonlHistory } from './jsonl-codec.js';
import type { ParseHistoryOptions } from './parse-history.js';

/** Reads a history file, JSONL (streamed line by line) or EDN; the format is detected when not given. */
export async function readHistory(path: string, options: ParseHistoryOptions = {}): Promise<Op[]> {
  const source = options.source ?? path;
  let format = options.format;
  try {
    if (format === undefined) {
      const file = await open(path, 'r');
      try {
        const { buffer, bytesRead } = await file.read(Buffer.alloc(256), 0, 256, 0);
        format = detectHistoryFormat(buffer.subarray(0, bytesRead).toString('utf8'), path);
      } finally {
        await file.close();
      }
    }
    if (format === 'jsonl') return await readJsonlHistory(path, { ...options, source });
    return parseEdnHistory(await readFile(path, 'utf8'), { ...options, source });
  } catch (error) {
    if (error instanceof HistoryError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : (error as Error).message;
    throw new HistoryError(`cannot read the history: ${reason}`, {
      source,
      hint: 'Pass the path of a history file (.jsonl or .edn).',
      cause: error,
    });
  }
}
