import { describe, expect, it } from 'vitest';
import { checkBank, type BankOptions } from '../../../../checkers/bank/check-bank.js';
import { call, history } from '../../../support/history.js';
import type { History } from '../../../../src/core/op.js';

const t = (from: number, to: number, amount: number) => call(0, 'transfer', { from, to, amount });

const cases: {
  name: string;
  history: History;
  options?: BankOptions;
  valid: true | false | 'unknown';
  anomalies?: string[];
}[] = [
  {
    name: 'conserved total',
    history: history(...t(0, 1, 5), ...call(1, 'read', null, { 0: 5, 1: 15 })),
    options: { total: 20 },
    valid: true,
  },
  {
    name: 'wrong total',
    history: history(...call(1, 'read', null, { 0: 5, 1: 10 })),
    options: { total: 20 },
    valid: false,
    anomalies: ['wrong-total'],
  },
  {
    name: 'total inferred from the first read',
    history: history(...call(1, 'read', null, { 0: 10, 1: 10 }), ...call(1, 'read', null, { 0: 10, 1: 11 })),
    valid: false,
    anomalies: ['wrong-total'],
  },
  {
    name: 'negative balance',
    history: history(...call(1, 'read', null, { 0: -5, 1: 25 })),
    options: { total: 20 },
    valid: false,
    anomalies: ['negative-balance'],
  },
  {
    name: 'negative balance allowed',
    history: history(...call(1, 'read', null, { 0: -5, 1: 25 })),
    options: { total: 20, negativeAllowed: true },
    valid: true,
  },
  {
    name: 'nil balance',
    history: history(...call(1, 'read', null, { 0: null, 1: 20 })),
    options: { total: 20 },
    valid: false,
    anomalies: ['nil-balance'],
  },
  {
    name: 'unexpected account',
    history: history(...call(1, 'read', null, { 0: 10, 7: 10 })),
    options: { total: 20, accounts: [0, 1] },
    valid: false,
    anomalies: ['unexpected-account'],
  },
  {
    name: 'reads as arrays of pairs',
    history: history(
      ...call(1, 'read', null, [
        [0, 10],
        [1, 10],
      ]),
    ),
    options: { total: 20 },
    valid: true,
  },
  { name: 'no read: unknown', history: history(...t(0, 1, 5)), options: { total: 20 }, valid: 'unknown' },
];

describe('checkBank', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = checkBank(c.history, c.options);
      expect(r.valid).toBe(c.valid);
      expect(r.anomalies.map((a) => a.id)).toEqual(c.anomalies ?? []);
    });
  }

  it('rejects a read that is not a map', () => {
    expect(() => checkBank(history(...call(0, 'read', null, 3)))).toThrow(/not a map/);
  });
});
