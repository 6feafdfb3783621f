// Against an independent brute-force oracle: every overlap the lock checker reports makes the
// acquire/release history non-linearizable for a lock written from its definition, and the
// mutex model agrees with that lock on every small history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLock } from '../../../../checkers/lock/check-lock.js';
import { models } from '../../../../checkers/models/index.js';
import type { Value } from '../../../../src/core/op.js';
import { bruteForceLinearizable } from '../../../support/brute-force-linearizable.js';
import { history, type EventSpec } from '../../../support/history.js';
import { referenceMutex } from './reference-mutex.js';

interface Action {
  slot: number;
  f: 'acquire' | 'release';
  owner: Value;
  outcome: 'ok' | 'fail' | 'info';
}

const action = fc.record({
  slot: fc.integer({ min: 0, max: 2 }),
  f: fc.constantFrom<'acquire' | 'release'>('acquire', 'release'),
  owner: fc.constantFrom<Value>('a', 'b', 'c', null),
  outcome: fc.constantFrom<'ok' | 'fail' | 'info'>('ok', 'ok', 'ok', 'fail', 'info'),
});

/** An idle slot invokes, a busy one completes; info gives the slot a new process. */
function build(acts: readonly Action[]): EventSpec[] {
  const busy = new Map<number, Action>();
  const proc = [0, 1, 2];
  const out: EventSpec[] = [];
  for (const a of acts) {
    const b = busy.get(a.slot);
    const p = proc[a.slot]!;
    if (!b) {
      busy.set(a.slot, a);
      out.push({ type: 'invoke', process: p, f: a.f, value: a.owner });
      continue;
    }
    busy.delete(a.slot);
    out.push({ type: a.outcome, process: p, f: b.f, value: b.owner });
    if (a.outcome === 'info') proc[a.slot] = p + 3;
  }
  return out;
}

describe('checkLock against a brute-force lock oracle', () => {
  it('reports an overlap only in histories the lock does not allow', () => {
    let overlaps = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 12 }), (acts) => {
        const h = history(...build(acts));
        const allowed = bruteForceLinearizable(h, referenceMutex);
        if (!allowed) rejected++;
        const r = checkLock(h);
        if (r.valid === false) {
          overlaps++;
          expect(allowed).toBe(false);
        }
      }),
      { numRuns: 600, seed: 7 },
    );
    // Both sides must occur, or the property proves little.
    expect(overlaps).toBeGreaterThan(30);
    expect(rejected).toBeGreaterThan(overlaps);
  });

  it('the mutex model allows exactly what the reference lock allows', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 10 }), (acts) => {
        const h = history(...build(acts));
        expect(bruteForceLinearizable(h, models.mutex())).toBe(bruteForceLinearizable(h, referenceMutex));
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
