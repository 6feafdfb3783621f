import type { Value } from '../../src/core/op.js';

/** A Map key equal for equal values: primitives stay themselves; arrays/objects become tagged JSON. */
export function valueKey(v: Value): string | number | bigint | boolean | null {
  if (v === null || typeof v !== 'object') return v;
  return '\u0000' + JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
}

/** Short human rendering of a value for messages. */
export function showValue(v: Value): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return String(v);
  if (v === null) return 'nil';
  if (Array.isArray(v)) {
    const shown =
      v.length > 8 ? [...v.slice(0, 3).map(showValue), '…', ...v.slice(-3).map(showValue)] : v.map(showValue);
    return `[${shown.join(' ')}]`;
  }
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}
