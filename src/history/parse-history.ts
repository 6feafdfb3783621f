import type { Op } from '../core/op.js';
import { parseEdnHistory } from './edn-history.js';
import { detectHistoryFormat, type HistoryFormat } from './history-format.js';
import { parseJsonlHistory, type ReadOptions } from './jsonl-codec.js';

export interface ParseHistoryOptions extends ReadOptions {
  /** jsonl or edn; detected from the text when absent. */
  format?: HistoryFormat;
}

/**
 * Parses a history held in memory, JSONL or EDN. Fields are type-checked (HistoryError naming the
 * line); the structure (pairing, models) is checked by validateHistory.
 */
export function parseHistory(text: string, options: ParseHistoryOptions = {}): Op[] {
  const format = options.format ?? detectHistoryFormat(text.slice(0, 256), options.source);
  return format === 'edn' ? parseEdnHistory(text, options) : parseJsonlHistory(text, options);
}
