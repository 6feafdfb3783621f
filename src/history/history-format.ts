import { FaultlineError } from '../core/errors.js';

/** The history file formats faultline reads: its own JSONL, and Jepsen/Knossos EDN. */
export const HISTORY_FORMATS = ['jsonl', 'edn'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

/** Checks a user-supplied format name. */
export function parseHistoryFormat(name: string): HistoryFormat {
  if ((HISTORY_FORMATS as readonly string[]).includes(name)) return name as HistoryFormat;
  throw new FaultlineError('BAD_ARGUMENT', `unknown history format '${name}'`, {
    hint: `Use one of: ${HISTORY_FORMATS.join(', ')}.`,
  });
}

/**
 * Guesses the format from the first characters: `{"` starts JSONL; `{:`, `[`, `(`, `;` and `#` start
 * EDN. When the start says nothing (an empty file, `{}`), the file name's extension decides, then JSONL.
 */
export function detectHistoryFormat(head: string, fileName?: string): HistoryFormat {
  const match = /^\s*(\S)\s*(\S)?/.exec(head);
  const first = match?.[1];
  const second = match?.[2];
  if (first === '[' || first === '(' || first === ';' || first === '#') return 'edn';
  if (first === '{' && second === '"') return 'jsonl';
  if (first === '{' && second !== undefined && second !== '}') return 'edn';
  if (fileName?.endsWith('.edn')) return 'edn';
  return 'jsonl';
}
