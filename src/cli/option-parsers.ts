import { InvalidArgumentError } from 'commander';
import type { Value } from '../core/op.js';
import { parseJsonValue } from '../history/parse-json-value.js';

/** Commander parser for a positive integer option, e.g. --budget 1000000 or --workers 2. */
export function positiveInteger(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new InvalidArgumentError('It must be a whole number of at least 1.');
  }
  return n;
}

/** Commander parser for a positive number of seconds, e.g. --timeout 2.5. */
export function positiveSeconds(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError('It must be a positive number of seconds, e.g. 30 or 0.5.');
  }
  return n;
}

/** Commander parser for a JSON value, e.g. --initial 0, --initial '"x"', --initial null. */
export function jsonValue(text: string): Value {
  try {
    return parseJsonValue(text) as Value;
  } catch {
    throw new InvalidArgumentError(
      `It must be JSON, e.g. 0, null, '"x"' or '[1,2]' (quote strings for the shell).`,
    );
  }
}
