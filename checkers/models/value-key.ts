import type { Value } from '../../src/core/op.js';

/** A canonical string for a value: equal values give equal keys (object keys sorted, bigints marked). */
export function valueKey(value: Value): string {
  if (value === null) return 'nil';
  switch (typeof value) {
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'string':
      return JSON.stringify(value);
    default:
      break;
  }
  if (Array.isArray(value)) return `[${value.map(valueKey).join(' ')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)} ${valueKey(value[k]!)}`).join(' ')}}`;
}

/** Deep equality of two values (numbers and bigints of the same magnitude are equal). */
export function valueEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    return (typeof a === 'number' || typeof a === 'bigint') &&
      (typeof b === 'number' || typeof b === 'bigint')
      ? BigInt(a) === BigInt(b)
      : false;
  }
  return valueKey(a) === valueKey(b);
}
