import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../../checkers/linearizability/check-linearizability.js';
import { models } from '../../../../checkers/models/index.js';
import { checkSequential } from '../../../../checkers/sequential/check-sequential.js';
import { casMismatch, CAS_MISMATCH } from '../../../../src/core/failed-cas.js';
import { bruteForceLinearizable } from '../../../support/brute-force-linearizable.js';
import { bruteForceSequential, withoutFails } from '../../../support/brute-force-sequential.js';
import { fail, history, invoke } from '../../../support/history.js';
import { tinyHistory, tinyProcs, type TinyShape } from '../../../support/tiny-register-histories.js';

// The register starts at nil, so a cas [nil 1] cannot have failed its comparison.
const bare = history(invoke(0, 'cas', [null, 1]), fail(0, 'cas', [null, 1]));
const marked = history(invoke(0, 'cas', [null, 1]), fail(0, 'cas', [null, 1], { error: CAS_MISMATCH }));
const timedOut = history(invoke(0, 'cas', [null, 1]), fail(0, 'cas', [null, 1], { error: 'timeout' }));

const lin = async (h: typeof bare, failedCas?: 'ignore' | 'observe') =>
  (await checkLinearizability(h, { model: 'cas-register', workers: 0, modelOptions: { failedCas } })).valid;
const seq = (h: typeof bare, failedCas?: 'ignore' | 'observe') =>
  checkSequential(h, { model: 'cas-register', modelOptions: { failedCas } }).valid;

describe('a failed cas', () => {
  it('without error is valid by default and invalid under observe (two events)', async () => {
    expect(await lin(bare)).toBe(true);
    expect(await lin(bare, 'ignore')).toBe(true);
    expect(await lin(bare, 'observe')).toBe(false);
    expect(seq(bare)).toBe(true);
    expect(seq(bare, 'observe')).toBe(false);
  });

  it("marked error 'cas-mismatch' is a failed comparison under both readings", async () => {
    expect(await lin(marked)).toBe(false);
    expect(await lin(marked, 'observe')).toBe(false);
    expect(seq(marked)).toBe(false);
    expect(seq(marked, 'observe')).toBe(false);
  });

  it('with any other error tells nothing under both readings', async () => {
    expect(await lin(timedOut, 'observe')).toBe(true);
    expect(seq(timedOut, 'observe')).toBe(true);
  });

  it('is what the clients write for a mismatch', () => {
    expect(casMismatch([1, 2])).toEqual({ type: 'fail', value: [1, 2], error: 'cas-mismatch' });
  });
});

describe('the default reading never makes invalid a history the drop-all-fails oracle finds valid', () => {
  const shape: TinyShape = {
    fs: ['read', 'write', 'cas'],
    keys: ['x'],
    unique: false,
    errors: [undefined, 'timeout', 'not-leader'],
  };
  const model = models['cas-register']();
  it('linearizability', async () => {
    let withFails = 0;
    await fc.assert(
      fc.asyncProperty(tinyProcs(shape), fc.array(fc.nat(5), { maxLength: 24 }), async (procs, schedule) => {
        const h = tinyHistory(procs, false, schedule);
        if (h.some((e) => e.type === 'fail')) withFails++;
        const dropAll = bruteForceLinearizable(withoutFails(h), model);
        expect(await lin(h)).toBe(dropAll);
      }),
      { numRuns: 1000, seed: 3 },
    );
    expect(withFails).toBeGreaterThan(300);
  });

  it('sequential consistency', () => {
    fc.assert(
      fc.property(tinyProcs(shape), fc.array(fc.nat(5), { maxLength: 24 }), (procs, schedule) => {
        const h = tinyHistory(procs, false, schedule);
        const dropAll = bruteForceSequential(withoutFails(h), { model: 'cas-register', failedCas: 'drop' });
        expect(seq(h)).toBe(dropAll);
      }),
      { numRuns: 1000, seed: 4 },
    );
  });
});
