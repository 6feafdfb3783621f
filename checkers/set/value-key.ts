import type { Value } from '../../src/core/op.js';

/** A string equal for structurally equal values (object keys sorted), so values can key a Map. */
export function valueKey(value: Value): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return `n${value}`;
    case 'bigint':
      return `n${value.toString()}`;
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      break;
  }
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${valueKey(value[k]!)}`).join(',')}}`;
}

/** A short rendering of a value for messages (bigints as plain digits). */
export function showValue(value: Value): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'undefined';
}
