import { describe, expect, it } from 'vitest';
import { checkSequential } from '../../../../checkers/sequential/check-sequential.js';
import { call, fail, history, info, invoke } from '../../../support/history.js';

const crashedCas = (p: number, from: number, to: number) => [
  invoke(p, 'cas', [from, to]),
  info(p, 'cas', [from, to]),
];

// Generator seed 7 of the ZooKeeper bench history had this shape on one key: a crashed cas
// [58 59], an ok cas [58 60], and a crashed cas [59 62] that nobody else observed.
describe('crashed ops that observe a crashed write (unique values)', () => {
  it('a crashed observer does not force the crashed write it observes', () => {
    const h = history(
      ...call(0, 'write', 1),
      ...crashedCas(1, 1, 2),
      ...call(2, 'cas', [1, 3]),
      ...crashedCas(3, 2, 4),
      // Keeps the crashed cas [2 4] in the history (a failed comparison may have observed 4).
      invoke(5, 'cas', [4, 5]),
      fail(5, 'cas', [4, 5], { error: 'cas-mismatch' }),
    );
    const res = checkSequential(h, { model: 'cas-register' });
    expect(res.valid).toBe(true);
    expect(res.stats?.['keysByConstruction']).toBe(1);
  });

  it('an ok read forces the crashed chain it needs, and then two cas replace one value', () => {
    const h = history(
      ...call(0, 'write', 1),
      ...crashedCas(1, 1, 2),
      ...call(2, 'cas', [1, 3]),
      ...crashedCas(3, 2, 4),
      ...call(4, 'read', null, 4),
    );
    const res = checkSequential(h, { model: 'cas-register' });
    expect(res.valid).toBe(false);
    expect(res.anomalies[0]?.message).toMatch(/both replaced 1/);
  });
});
