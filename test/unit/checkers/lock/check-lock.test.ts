import { describe, expect, it } from 'vitest';
import { checkLock } from '../../../../checkers/lock/check-lock.js';
import { call, fail, history, info, invoke, nemesis, ok } from '../../../support/history.js';

describe('checkLock: known answers', () => {
  const valid = {
    'holds one after another': history(
      ...call(0, 'acquire', 'a'),
      ...call(0, 'write', ['a', 'a']),
      ...call(0, 'release', 'a'),
      ...call(1, 'acquire', 'b'),
      ...call(1, 'release', 'b'),
    ),
    'an acquire concurrent with the release may follow it': history(
      ...call(0, 'acquire', 'a'),
      invoke(1, 'acquire', 'b'),
      invoke(0, 'release', 'a'),
      ok(1, 'acquire', 'b'),
      ok(0, 'release', 'a'),
    ),
    'a crashed release may have freed the lock': history(
      ...call(0, 'acquire', 'a'),
      invoke(0, 'release', 'a'),
      info(0, 'release', 'a'),
      ...call(1, 'acquire', 'b'),
    ),
    'an acquire invoked before the first was granted may precede it': history(
      invoke(0, 'acquire', 'a'),
      invoke(1, 'acquire', 'b'),
      ok(0, 'acquire', 'a'),
      ok(1, 'acquire', 'b'),
    ),
    'a crashed acquire holds nothing for sure': history(
      invoke(0, 'acquire', 'a'),
      info(0, 'acquire', 'a'),
      ...call(1, 'acquire', 'b'),
    ),
    'an anonymous release may free a named hold': history(
      ...call(0, 'acquire', 'a'),
      invoke(2, 'release', null),
      invoke(1, 'acquire', 'b'),
      ok(1, 'acquire', 'b'),
    ),
  };
  for (const [name, h] of Object.entries(valid)) {
    it(`valid: ${name}`, () => {
      const r = checkLock(h);
      expect(r.anomalies).toEqual([]);
      expect(r.valid).toBe(true);
    });
  }

  it('invalid: a grant inside a hold that was released later, with what both did and the faults', () => {
    const h = history(
      ...call(0, 'acquire', 'a'),
      nemesis('pause', ['n1']),
      ...call(1, 'acquire', 'b'),
      ...call(1, 'write', ['b', 'b']),
      ...call(0, 'write', ['a', 'a']),
      invoke(0, 'release', 'a'),
      ok(0, 'release', ['a', 'lease expired']),
    );
    const r = checkLock(h);
    expect(r.valid).toBe(false);
    expect(r.anomalies).toHaveLength(1);
    const [a] = r.anomalies;
    expect(a!.id).toBe('overlapping-holds');
    expect(a!.ops).toEqual([0, 3, 9]);
    expect(a!.message).toMatch(/process 1 acquired the lock as "b"/);
    expect(a!.message).toMatch(/while process 0 held it as "a"/);
    expect(a!.message).toMatch(/"a" did: write \["a" "a"\] \(ok, op #7\)/);
    expect(a!.message).toMatch(/"b" did: write \["b" "b"\] \(ok, op #5\)/);
    expect(a!.message).toMatch(/lease expired/);
    expect(a!.message).toMatch(/pause \["n1"\]/);
    expect(r.stats).toMatchObject({ holds: 2, overlapping: 1, guardedOps: 2, guardedOk: 2 });
  });

  it('invalid: a failed release does not end the hold', () => {
    const h = history(
      ...call(0, 'acquire', 'a'),
      invoke(0, 'release', 'a'),
      fail(0, 'release', 'a'),
      ...call(1, 'acquire', 'b'),
    );
    expect(checkLock(h).valid).toBe(false);
  });

  it('invalid: a hold never released, and the same owner granted twice', () => {
    expect(checkLock(history(...call(0, 'acquire', 'a'), ...call(1, 'acquire', 'b'))).valid).toBe(false);
    expect(checkLock(history(...call(0, 'acquire', 'a'), ...call(1, 'acquire', 'a'))).valid).toBe(false);
    expect(checkLock(history(...call(0, 'acquire', null), ...call(1, 'acquire', null))).valid).toBe(false);
  });

  it('an empty history is valid with zero holds', () => {
    expect(checkLock([])).toMatchObject({ valid: true, stats: { holds: 0 } });
  });
});
