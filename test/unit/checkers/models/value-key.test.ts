import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueEquals, valueKey, valueMapKey } from '../../../../checkers/models/value-key.js';
import type { Value } from '../../../../src/core/op.js';

/** The oracle: deep equality written out by case, a number equal to a bigint of its integer magnitude. */
function sameValue(a: Value, b: Value): boolean {
  const numeric = (x: Value): x is number | bigint => typeof x === 'number' || typeof x === 'bigint';
  if (numeric(a) && numeric(b)) {
    if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || a === b;
    const [x, y] = [a, b].map((v) => (typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v));
    return typeof x === 'bigint' && typeof y === 'bigint' && x === y;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]!))
    );
  }
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameValue(a[k]!, b[k]!));
}

const small = fc.oneof(
  fc.constantFrom(null, true, false, 0, 1, -1, 2 ** 53, 2 ** 60, 1.5, '', '1', 'nil', '\u0000', '\u0000[1]'),
  fc.integer({ min: -3, max: 3 }),
  fc.bigInt({ min: -3n, max: 3n }),
  fc.constantFrom(2n ** 53n, 2n ** 60n),
);
const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    small,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', '1'), tie('v'), { maxKeys: 2 }),
  ),
})).v;

describe('valueKey, valueMapKey, valueEquals: one relation', () => {
  it('known answers', () => {
    expect(valueKey(1)).toBe(valueKey(1n));
    expect(valueKey(2 ** 60)).toBe(valueKey(2n ** 60n));
    expect(valueKey('1')).not.toBe(valueKey(1));
    expect(valueKey({ a: 1, b: [2] })).toBe(valueKey({ b: [2n], a: 1 }));
    expect(valueMapKey(3n)).toBe(3);
    expect(valueMapKey('\u0000[1]')).not.toBe(valueMapKey([1]));
    expect(valueEquals([1, null], [1n, null])).toBe(true);
    expect(valueEquals(null, 'nil')).toBe(false);
  });

  it('each decides exactly the oracle’s equality', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const same = sameValue(a, b);
        expect(valueKey(a) === valueKey(b)).toBe(same);
        expect(valueMapKey(a) === valueMapKey(b)).toBe(same);
        expect(valueEquals(a, b)).toBe(same);
      }),
      { numRuns: 2000 },
    );
  });

  it('equal values, also built apart, get equal keys', () => {
    fc.assert(
      fc.property(value, (a) => {
        const copy = structuredClone(a);
        expect(valueKey(copy)).toBe(valueKey(a));
        expect(valueMapKey(copy)).toBe(valueMapKey(a));
      }),
    );
  });
});
