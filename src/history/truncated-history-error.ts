import { HistoryError } from '../core/errors.js';

/** The input ends in the middle of an event, as after a crash during a write; `line` is where that event starts. */
export class TruncatedHistoryError extends HistoryError {
  constructor(message: string, options: { line: number; source: string | undefined }) {
    super(`${message}: the file ends in the middle of an event, probably a write cut short by a crash`, {
      ...options,
      hint: 'Pass --ignore-truncated (library: ignoreTruncated: true) to check the events before it.',
    });
  }
}
