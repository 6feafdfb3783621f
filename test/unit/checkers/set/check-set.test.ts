import { describe, expect, it } from 'vitest';
import { checkSet } from '../../../../checkers/set/check-set.js';
import { call, fail, history, info, invoke, ok } from '../../../support/history.js';
import type { History } from '../../../../src/core/op.js';

interface Case {
  name: string;
  history: History;
  valid: true | false | 'unknown';
  anomalies?: string[];
  lost?: unknown[];
  unexpected?: unknown[];
  recovered?: unknown[];
}

const cases: Case[] = [
  {
    name: 'every acknowledged add is read',
    history: history(...call(0, 'add', 1), ...call(1, 'add', 2), ...call(0, 'read', null, [1, 2])),
    valid: true,
  },
  {
    name: 'lost: an acknowledged add is missing',
    history: history(...call(0, 'add', 1), ...call(1, 'add', 2), ...call(0, 'read', null, [2])),
    valid: false,
    anomalies: ['lost'],
    lost: [1],
  },
  {
    name: 'unexpected: an element nobody added',
    history: history(...call(0, 'add', 1), ...call(0, 'read', null, [1, 9])),
    valid: false,
    anomalies: ['unexpected'],
    unexpected: [9],
  },
  {
    name: 'unexpected: an element whose add failed',
    history: history(invoke(0, 'add', 3), fail(0, 'add', 3), ...call(0, 'read', null, [3])),
    valid: false,
    anomalies: ['unexpected'],
    unexpected: [3],
  },
  {
    name: 'recovered: an info add that was applied is fine',
    history: history(invoke(0, 'add', 4), info(0, 'add', 4), ...call(1, 'read', null, [4])),
    valid: true,
    recovered: [4],
  },
  {
    name: 'an info add that was not applied is fine',
    history: history(invoke(0, 'add', 4), info(0, 'add', 4), ...call(1, 'read', null, [])),
    valid: true,
  },
  {
    name: 'an add concurrent with the final read may be missing',
    history: history(invoke(0, 'add', 5), invoke(1, 'read'), ok(0, 'add', 5), ok(1, 'read', [])),
    valid: true,
  },
  {
    name: 'only the last read counts',
    history: history(...call(0, 'add', 1), ...call(0, 'read', null, []), ...call(0, 'read', null, [1])),
    valid: true,
  },
  {
    name: 'no read: unknown',
    history: history(...call(0, 'add', 1)),
    valid: 'unknown',
  },
  {
    name: 'a failed read does not count',
    history: history(...call(0, 'add', 1), invoke(0, 'read'), fail(0, 'read')),
    valid: 'unknown',
  },
];

describe('checkSet', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = checkSet(c.history);
      expect(r.valid).toBe(c.valid);
      expect(r.anomalies.map((a) => a.id)).toEqual(c.anomalies ?? []);
      if (c.lost) expect(r['lost']).toEqual(c.lost);
      if (c.unexpected) expect(r['unexpected']).toEqual(c.unexpected);
      if (c.recovered) expect(r['recovered']).toEqual(c.recovered);
      if (c.valid === 'unknown') expect(r.unknownReason).toMatch(/read/);
    });
  }

  it('names the ops of a lost element', () => {
    const r = checkSet(history(...call(0, 'add', 1), ...call(0, 'read', null, [])));
    expect(r.anomalies[0]!.ops).toEqual([0, 2]);
  });

  it('rejects a read that is not an array', () => {
    expect(() => checkSet(history(...call(0, 'read', null, 3)))).toThrow(/non-array/);
  });
});
