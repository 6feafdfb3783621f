import type { Value } from '../../src/core/op.js';

/** A value in a checker's message, Elle's way: strings quoted, null as nil, long lists cut in the middle. */
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
