import { toJsonText } from './to-json-text.js';

/** Short one-line text of a history value for labels; `max` characters at most (ellipsis when cut). */
export function valueLabel(value: unknown, max = 80): string {
  const text =
    value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : value === null || typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : toJsonText(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
