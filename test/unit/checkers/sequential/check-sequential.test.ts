import { describe, expect, it } from 'vitest';
import { checkSequential, type SequentialOptions } from '../../../../checkers/sequential/check-sequential.js';
import type { History } from '../../../../src/core/op.js';
import { call, fail, history, info, invoke, ok } from '../../../support/history.js';

const w = (p: number, v: number) => call(p, 'write', v);
const r = (p: number, v: number | null) => call(p, 'read', null, v);
const kw = (p: number, k: string, v: number) => call(p, 'write', [k, v]);
const kr = (p: number, k: string, v: number | null) => call(p, 'read', [k, null], [k, v]);

interface Case {
  name: string;
  history: History;
  options: SequentialOptions;
  valid: true | false | 'unknown';
  /** A fragment the anomaly message or unknown reason must contain. */
  says?: RegExp;
  keysByConstruction?: number;
}

const register: SequentialOptions = { model: 'register' };
const cases: Case[] = [
  {
    name: 'a stale read is sequentially consistent (it is not linearizable)',
    history: history(...w(0, 1), ...r(1, null)),
    options: register,
    valid: true,
    keysByConstruction: 1,
  },
  {
    name: 'values going backwards',
    history: history(...w(0, 1), ...w(0, 2), ...r(1, 2), ...r(1, 1)),
    options: register,
    valid: false,
    says: /process 1 ran op #\d+ before op #\d+/,
  },
  {
    name: 'a process misses its own write',
    history: history(...w(0, 1), ...r(0, null)),
    options: register,
    valid: false,
  },
  {
    name: 'a read of a value never written',
    history: history(...w(0, 1), ...r(1, 7)),
    options: register,
    valid: false,
    says: /no op wrote/,
  },
  {
    name: 'a read of a failed write',
    history: history(invoke(0, 'write', 1), fail(0, 'write', 1), ...r(1, 1)),
    options: register,
    valid: false,
  },
  {
    name: 'an info write that was read happened',
    history: history(invoke(0, 'write', 1), info(0, 'write', 1), ...r(1, 1), ...r(1, 1)),
    options: register,
    valid: true,
  },
  {
    name: 'an info write nobody read may not have happened',
    history: history(...w(1, 2), invoke(0, 'write', 1), info(0, 'write', 1), ...r(1, 2)),
    options: register,
    valid: true,
  },
  {
    name: 'repeated values go through the search',
    history: history(...w(0, 1), ...w(0, 2), ...w(1, 1), ...r(2, 2), ...r(2, 1)),
    options: register,
    valid: true,
    keysByConstruction: 0,
  },
  {
    name: 'repeated values, no legal order',
    history: history(...w(0, 1), ...w(0, 1), ...r(0, null)),
    options: register,
    valid: false,
    says: /longest legal order/,
  },
  {
    name: 'cas chain',
    history: history(...w(0, 1), ...call(1, 'cas', [1, 2]), ...r(2, 2), ...call(2, 'cas', [2, 3])),
    options: { model: 'cas-register' },
    valid: true,
  },
  {
    name: 'two cas replace the same value',
    history: history(...w(0, 1), ...call(1, 'cas', [1, 2]), ...call(2, 'cas', [1, 3])),
    options: { model: 'cas-register' },
    valid: false,
    says: /both replaced/,
  },
  {
    name: 'a read between a value and its cas successor must not see a third write',
    history: history(...w(0, 1), ...w(0, 5), ...call(1, 'cas', [1, 2]), ...r(1, 5), ...r(1, 2)),
    options: { model: 'cas-register' },
    valid: false,
  },
  {
    name: 'Dekker: each key alone is fine, together they are not',
    history: history(...kw(0, 'x', 1), ...kr(0, 'y', null), ...kw(1, 'y', 1), ...kr(1, 'x', null)),
    options: { model: 'kv' },
    valid: false,
    says: /every key has a legal order alone/,
    keysByConstruction: 2,
  },
  {
    name: 'Dekker with independent registers',
    history: history(...kw(0, 'x', 1), ...kr(0, 'y', null), ...kw(1, 'y', 1), ...kr(1, 'x', null)),
    options: { model: 'register', independent: true },
    valid: false,
  },
  {
    name: 'two keys with one order',
    history: history(...kw(0, 'x', 1), ...kr(0, 'y', null), ...kw(1, 'y', 1), ...kr(1, 'x', 1)),
    options: { model: 'kv' },
    valid: true,
  },
  {
    name: 'the budget runs out: unknown',
    history: history(...w(0, 1), ...w(1, 1), ...w(2, 2), ...r(3, 2), ...r(3, 1), ...w(0, 2), ...r(1, 1)),
    options: { model: 'register', budget: 1 },
    valid: 'unknown',
    says: /budget/,
  },
  {
    name: 'a pending op is like info',
    history: history(invoke(0, 'write', 3), ...r(1, null), ...r(1, 3)),
    options: register,
    valid: true,
  },
  {
    name: 'fail ops did not happen',
    history: history(invoke(0, 'write', 3), fail(0, 'write', 3), invoke(1, 'read'), ok(1, 'read', null)),
    options: register,
    valid: true,
  },
];

const mismatch = (p: number, k: string, from: number | null, to: number) => [
  invoke(p, 'cas', [k, [from, to]]),
  fail(p, 'cas', [k, [from, to]], { error: 'cas-mismatch' }),
];
const independentCas: SequentialOptions = { model: 'cas-register', independent: true };
/** Failed comparisons with unique values: decided by the construction plus the block witness, or by search. */
const failedComparisonCases: (Case & { blockWitness?: boolean })[] = [
  {
    name: 'a failed comparison of a value that was overwritten fits after the overwrite (block witness)',
    history: history(
      ...kw(0, 'x', 1),
      ...kw(0, 'y', 1),
      ...kw(0, 'x', 2),
      ...kr(1, 'y', 1),
      ...mismatch(1, 'x', 1, 3),
    ),
    options: independentCas,
    valid: true,
    blockWitness: true,
  },
  {
    name: 'a failed comparison of the value its process must see is a violation',
    history: history(...kw(0, 'x', 1), ...kw(0, 'y', 1), ...kr(1, 'y', 1), ...mismatch(1, 'x', 1, 3)),
    options: independentCas,
    valid: false,
    says: /no single order fits all keys/,
  },
  {
    name: 'one key: a failed comparison placed before the write of its value',
    history: history(...mismatch(1, 'x', 1, 3), ...kw(0, 'x', 1), ...kr(1, 'x', 1)),
    options: independentCas,
    valid: true,
    keysByConstruction: 1,
  },
  {
    name: 'one key: a failed comparison of the initial value with nothing written after it',
    history: history(...kr(1, 'x', null), ...mismatch(1, 'x', null, 3)),
    options: independentCas,
    valid: false,
  },
];

describe('checkSequential', () => {
  for (const c of cases) {
    it(c.name, () => {
      const res = checkSequential(c.history, c.options);
      expect(res.valid).toBe(c.valid);
      if (c.valid === false) {
        expect(res.anomalies[0]!.id).toBe('nonsequential');
        expect(res.anomalies[0]!.ops!.length).toBeGreaterThan(0);
      }
      if (c.says) expect(res.anomalies[0]?.message ?? res.unknownReason).toMatch(c.says);
      if (c.keysByConstruction !== undefined)
        expect(res.stats!['keysByConstruction']).toBe(c.keysByConstruction);
    });
  }

  it('settles a keyed history whose keys are all linearizable without the whole-history search', () => {
    // x = 1 is written twice, so the unique-values construction does not apply.
    const h = history(
      ...kw(0, 'x', 1),
      ...kr(1, 'x', 1),
      ...kw(1, 'y', 2),
      ...kr(0, 'y', 2),
      ...kw(1, 'x', 1),
    );
    const res = checkSequential(h, { model: 'kv' });
    expect(res.valid).toBe(true);
    expect(res.stats!['linearizableKeys']).toBe(2);
  });

  it('merges per-key orders with program order when the keys are not linearizable', () => {
    const h = history(
      ...kw(0, 'x', 1),
      ...kr(1, 'x', null),
      ...kw(0, 'y', 1),
      ...kr(1, 'y', null),
      ...kw(0, 'x', 1),
    );
    const res = checkSequential(h, { model: 'kv' });
    expect(res.valid).toBe(true);
    expect(res.stats!['linearizableKeys']).toBeUndefined();
    expect(res.stats!['mergedKeyOrders']).toBe(1);
  });

  it('with unique values, merges the block orders of all keys with program order (stale reads)', () => {
    const h = history(...kw(0, 'x', 1), ...kr(1, 'x', null), ...kw(0, 'y', 1), ...kr(1, 'y', null));
    const res = checkSequential(h, { model: 'kv' });
    expect(res.valid).toBe(true);
    expect(res.stats!['blockWitness']).toBe(1);
    expect(res.stats!['keysByConstruction']).toBe(2);
  });

  for (const c of failedComparisonCases) {
    it(c.name, () => {
      const res = checkSequential(c.history, c.options);
      expect(res.valid).toBe(c.valid);
      if (c.says) expect(res.anomalies[0]?.message).toMatch(c.says);
      if (c.blockWitness) expect(res.stats!['blockWitness']).toBe(1);
    });
  }

  it('rejects an unknown model', () => {
    expect(() => checkSequential(history(...w(0, 1)), { model: 'nope' as 'register' })).toThrow(
      /unknown model/,
    );
  });
});
