import type { Value } from '../../src/core/op.js';

/**
 * What checkers take to be the same value: structural equality, object keys in any order, and a
 * number equal to a bigint of the same integer magnitude (drivers return either for one column).
 * `valueKey`, `valueMapKey` and `valueEquals` all decide exactly this relation.
 */

/** The canonical string of a value: equal exactly for values that are the same (see above). */
export function valueKey(value: Value): string {
  if (value === null) return 'nil';
  switch (typeof value) {
    case 'number':
      return numberKey(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      return value.toString();
    case 'string':
      return JSON.stringify(value);
    default:
      break;
  }
  if (Array.isArray(value)) return `[${value.map(valueKey).join(' ')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)} ${valueKey(value[k]!)}`).join(' ')}}`;
}

/** A number's digits; an integer beyond 2^53 written out as its bigint would be. */
function numberKey(n: number): string {
  return Number.isInteger(n) && !Number.isSafeInteger(n) ? BigInt(n).toString() : String(n);
}

/** A Map key of a value: the same relation as `valueKey`, but numbers, strings, booleans, null are themselves. */
export type ValueMapKey = string | number | boolean | null;

/** Tags what is not a primitive kept as itself (objects, huge integers, strings starting with the tag). */
const TAG = '\u0000';

/** `valueKey`'s relation as a cheaper Map key: primitives stay themselves (a bigint as its number when exact). */
export function valueMapKey(value: Value): ValueMapKey {
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && !Number.isSafeInteger(value) ? TAG + numberKey(value) : value;
    case 'bigint': {
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : TAG + value.toString();
    }
    case 'string':
      return value.startsWith(TAG) ? TAG + value : value;
    case 'boolean':
      return value;
    default:
      return value === null ? null : TAG + valueKey(value);
  }
}

/** Deep equality of two values: the relation `valueKey` decides. */
export function valueEquals(a: Value, b: Value): boolean {
  return a === b || valueKey(a) === valueKey(b);
}
