import { describe, expect, it } from 'vitest';
import { checkCausal, type CausalConsistency } from '../../../../checkers/causal/check-causal.js';
import type { History, Value } from '../../../../src/core/op.js';
import { call, fail, history, info, invoke, type EventSpec } from '../../../support/history.js';

// Keyed ops: w(p, k, v) writes [k v]; r(p, k, v) reads [k v] (invoked as [k null]).
const w = (p: number, k: string, v: Value): EventSpec[] => call(p, 'write', [k, v]);
const r = (p: number, k: string, v: Value): EventSpec[] => call(p, 'read', [k, null], [k, v]);

interface Case {
  name: string;
  history: History;
  /** Expected anomaly id (first anomaly) per consistency; absent means valid. */
  expect: Partial<Record<CausalConsistency, string | 'valid'>>;
}

const cases: Case[] = [
  {
    name: 'a read of a write by another process',
    history: history(...w(0, 'x', 1), ...r(1, 'x', 1)),
    expect: { causal: 'valid', 'causal-convergence': 'valid', 'causal-memory': 'valid' },
  },
  {
    name: 'WriteCORead: reads 2 then the older 1',
    history: history(...w(0, 'x', 1), ...w(0, 'x', 2), ...r(1, 'x', 2), ...r(1, 'x', 1)),
    expect: { causal: 'WriteCORead', 'causal-memory': 'WriteCORead', 'monotonic-reads': 'monotonic-reads' },
  },
  {
    name: 'WriteCOInitRead: reads 1 then the initial value',
    history: history(...w(0, 'x', 1), ...r(1, 'x', 1), ...r(1, 'x', null)),
    expect: {
      causal: 'WriteCOInitRead',
      'causal-convergence': 'WriteCOInitRead',
      'monotonic-reads': 'monotonic-reads',
    },
  },
  {
    name: 'ThinAirRead: a value nobody wrote',
    history: history(...w(0, 'x', 1), ...r(1, 'x', 5)),
    expect: { causal: 'ThinAirRead', 'read-your-writes': 'ThinAirRead' },
  },
  {
    name: 'ThinAirRead: a value whose write failed',
    history: history(invoke(0, 'write', ['x', 1]), fail(0, 'write', ['x', 1]), ...r(1, 'x', 1)),
    expect: { causal: 'ThinAirRead' },
  },
  {
    name: 'an info write that was read happened',
    history: history(invoke(0, 'write', ['x', 1]), info(0, 'write', ['x', 1]), ...r(1, 'x', 1)),
    expect: { causal: 'valid', 'causal-memory': 'valid' },
  },
  {
    name: 'an info write nobody read is dropped',
    history: history(
      ...r(1, 'x', 1),
      invoke(0, 'write', ['y', 1]),
      info(0, 'write', ['y', 1]),
      ...w(0, 'x', 1),
    ),
    expect: { causal: 'valid' },
  },
  {
    name: 'CyclicCO: each process reads what the other wrote after its read',
    history: history(...r(0, 'x', 1), ...w(0, 'y', 1), ...r(1, 'y', 1), ...w(1, 'x', 1)),
    expect: { causal: 'CyclicCO', 'causal-convergence': 'CyclicCO' },
  },
  {
    name: 'CC but not CCv: two readers disagree on the order of concurrent writes',
    history: history(
      ...w(0, 'x', 1),
      ...w(1, 'x', 2),
      ...r(2, 'x', 1),
      ...r(2, 'x', 2),
      ...r(3, 'x', 2),
      ...r(3, 'x', 1),
    ),
    expect: { causal: 'valid', 'causal-memory': 'valid', 'causal-convergence': 'CyclicCF' },
  },
  {
    name: 'CC and CCv but not CM: WriteHBInitRead',
    history: history(
      ...w(0, 'y', 1),
      ...w(0, 'x', 1),
      ...w(0, 'u', 1),
      ...w(1, 'x', 2),
      ...w(1, 'z', 1),
      ...r(2, 'z', 1),
      ...r(2, 'y', null),
      ...r(2, 'u', 1),
      ...r(2, 'x', 2),
    ),
    expect: { causal: 'valid', 'causal-convergence': 'valid', 'causal-memory': 'WriteHBInitRead' },
  },
  {
    name: 'read-your-writes: a process misses its own write',
    history: history(...w(0, 'x', 1), ...r(0, 'x', null)),
    expect: { 'read-your-writes': 'read-your-writes', 'monotonic-reads': 'valid', causal: 'WriteCOInitRead' },
  },
  {
    name: 'read-your-writes: another process may overwrite',
    history: history(...w(0, 'x', 1), ...w(1, 'x', 2), ...r(0, 'x', 2)),
    expect: { 'read-your-writes': 'valid', causal: 'valid' },
  },
  {
    name: 'monotonic-writes: sees the second write but not the first',
    history: history(...w(0, 'x', 1), ...w(0, 'y', 1), ...r(1, 'y', 1), ...r(1, 'x', null)),
    expect: {
      'monotonic-writes': 'monotonic-writes',
      'monotonic-reads': 'valid',
      'read-your-writes': 'valid',
      'writes-follow-reads': 'valid',
      causal: 'WriteCOInitRead',
    },
  },
  {
    name: 'writes-follow-reads: sees a write but not what its writer had read',
    history: history(...w(0, 'x', 1), ...r(1, 'x', 1), ...w(1, 'y', 1), ...r(2, 'y', 1), ...r(2, 'x', null)),
    expect: {
      'writes-follow-reads': 'writes-follow-reads',
      'monotonic-writes': 'valid',
      'monotonic-reads': 'valid',
      causal: 'WriteCOInitRead',
    },
  },
  {
    name: 'a single register without keys',
    history: history(...call(0, 'write', 1), ...call(1, 'read', null, 1), ...call(1, 'read', null, null)),
    expect: { causal: 'WriteCOInitRead', 'monotonic-reads': 'monotonic-reads' },
  },
];

describe('checkCausal known answers', () => {
  for (const c of cases) {
    for (const [consistency, want] of Object.entries(c.expect)) {
      it(`${c.name} (${consistency})`, () => {
        const res = checkCausal(c.history, { consistency: consistency as CausalConsistency });
        if (want === 'valid') {
          expect(res.anomalies).toEqual([]);
          expect(res.valid).toBe(true);
        } else {
          expect(res.valid).toBe(false);
          expect(res.anomalies[0]!.id).toBe(want);
          expect(res.anomalies[0]!.message.length).toBeGreaterThan(20);
          expect(res.anomalies[0]!.ops!.length).toBeGreaterThan(0);
        }
      });
    }
  }
});

describe('checkCausal assumptions', () => {
  it('is unknown when a read value was written twice', () => {
    const res = checkCausal(history(...w(0, 'x', 1), ...w(1, 'x', 1), ...r(2, 'x', 1)), {
      consistency: 'causal',
    });
    expect(res.valid).toBe('unknown');
    expect(res.unknownReason).toMatch(/written to key "x" more than once/);
  });

  it('allows duplicate writes nobody read', () => {
    const res = checkCausal(history(...w(0, 'x', 1), ...w(1, 'x', 1), ...r(2, 'x', null)), {
      consistency: 'causal',
    });
    expect(res.valid).toBe(true);
  });

  it('is unknown when the initial value is also written and read', () => {
    const res = checkCausal(history(...w(0, 'x', 0), ...r(1, 'x', 0)), { consistency: 'causal', initial: 0 });
    expect(res.valid).toBe('unknown');
    expect(res.unknownReason).toMatch(/initial value/);
  });

  it('is unknown for ops other than read and write', () => {
    const res = checkCausal(history(...call(0, 'cas', [1, 2])), { consistency: 'causal' });
    expect(res.valid).toBe('unknown');
    expect(res.unknownReason).toMatch(/cas/);
  });

  it('with an unknown initial value, takes the one unwritten value read per key as the initial value', () => {
    const h = history(...r(1, 'x', 7), ...w(0, 'x', 1), ...r(1, 'x', 1), ...r(2, 'y', 3));
    expect(checkCausal(h, { consistency: 'causal', initialUnknown: true }).valid).toBe(true);
    const back = history(...w(0, 'x', 1), ...r(1, 'x', 1), ...r(1, 'x', 7));
    expect(checkCausal(back, { consistency: 'causal', initialUnknown: true }).anomalies[0]!.id).toBe(
      'WriteCOInitRead',
    );
    const two = history(...r(1, 'x', 7), ...r(2, 'x', 8));
    const res = checkCausal(two, { consistency: 'causal', initialUnknown: true });
    expect(res.anomalies.map((a) => a.id)).toEqual(['ThinAirRead', 'ThinAirRead']);
    expect(res.anomalies[0]!.message).toMatch(/at most one can be the initial value/);
  });

  it('takes the key of a keyed read completed with a bare value from its invocation', () => {
    const h = history(
      ...w(0, 'x', 1),
      ...call(1, 'read', ['x', null], 1),
      ...call(1, 'read', ['x', null], null),
    );
    expect(checkCausal(h, { consistency: 'causal' }).anomalies[0]!.id).toBe('WriteCOInitRead');
  });

  it('uses the configured initial value', () => {
    const h = history(...r(1, 'x', 0));
    expect(checkCausal(h, { consistency: 'causal', initial: 0 }).valid).toBe(true);
    expect(checkCausal(h, { consistency: 'causal' }).anomalies[0]!.id).toBe('ThinAirRead');
  });
});
