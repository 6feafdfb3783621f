import type { Value } from '../../src/core/op.js';

/** True when `value` is a two-element array, the shape of `[key v]` and `[old new]` values. */
export function isPair(value: Value): value is [Value, Value] {
  return Array.isArray(value) && value.length === 2;
}
