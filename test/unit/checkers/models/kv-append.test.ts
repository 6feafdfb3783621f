// The interned kv-append model must tell states apart exactly as plain strings do: same verdicts
// and the same search (configurations explored) as the plain-string reference, per key and whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../../src/core/model.js';
import { checkLinearizability } from '../../../../checkers/linearizability/check-linearizability.js';
import { models } from '../../../../checkers/models/index.js';
import { StringNodes, type StringNode } from '../../../../checkers/models/string-nodes.js';
import { bruteForceLinearizable } from '../../../support/brute-force-linearizable.js';
import { history, type EventSpec } from '../../../support/history.js';
import { plainKvAppend } from '../../../support/plain-kv-append.js';

/** Pieces that build equal strings in different ways ('a' + 'b' = 'ab'), so interning is tested. */
const piece = fc.constantFrom('', 'a', 'b', 'ab', 'ba');

describe('StringNodes', () => {
  it('gives equal strings the same node however they were built, and different strings different ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('put', 'append'), fc.nat(7), piece), { maxLength: 30 }),
        (steps) => {
          const strings = new StringNodes();
          const built: StringNode[] = [strings.put('')];
          for (const [f, from, s] of steps) {
            const base = built[from % built.length]!;
            const node = f === 'put' ? strings.put(s) : strings.append(base, s);
            expect(node.text).toBe(f === 'put' ? s : base.text + s);
            built.push(node);
          }
          for (const a of built) {
            for (const b of built) expect(a.id === b.id).toBe(a.text === b.text);
            expect(strings.equals(a, a.text)).toBe(true);
            expect(strings.equals(a, `${a.text}a`)).toBe(false);
          }
        },
      ),
      { numRuns: 200, seed: 15 },
    );
  });
});

/** A random history of 3 processes: an idle slot invokes, a busy one completes ok, or crashes (info). */
const events = fc
  .array(
    fc.record({
      slot: fc.integer({ min: 0, max: 2 }),
      key: fc.constantFrom('x', 'y'),
      f: fc.constantFrom('get', 'put', 'append', 'append'),
      value: piece,
      read: fc.constantFrom(null, '', 'a', 'b', 'ab', 'ba', 'aa', 'abab', 'aba'),
      crash: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((acts) => {
    const busy = new Map<number, (typeof acts)[number]>();
    const proc = [0, 1, 2];
    const out: EventSpec[] = [];
    for (const a of acts) {
      const p = proc[a.slot]!;
      const b = busy.get(a.slot);
      if (!b) {
        busy.set(a.slot, a);
        out.push({ type: 'invoke', process: p, f: a.f, value: [a.key, a.f === 'get' ? null : a.value] });
      } else {
        busy.delete(a.slot);
        if (a.crash) {
          out.push({ type: 'info', process: p, f: b.f, value: [b.key, b.f === 'get' ? null : b.value] });
          proc[a.slot] = p + 3;
        } else out.push({ type: 'ok', process: p, f: b.f, value: [b.key, b.f === 'get' ? a.read : b.value] });
      }
    }
    return out;
  });

const whole = (m: Model): Model => {
  const { key: _key, ...rest } = m;
  return rest;
};

describe('kv-append with interned strings', () => {
  it('agrees with the plain-string model and brute force, per key and as one map', async () => {
    let valid = 0;
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(events, async (specs) => {
        const h = history(...specs);
        const expected = bruteForceLinearizable(h, plainKvAppend());
        for (const perKey of [true, false]) {
          const fast = perKey ? models['kv-append']() : whole(models['kv-append']());
          const plain = perKey ? plainKvAppend() : whole(plainKvAppend());
          const options = { workers: 0, counterexample: false } as const;
          const a = await checkLinearizability(h, { ...options, model: fast });
          const b = await checkLinearizability(h, { ...options, model: plain });
          expect(a.valid).toBe(expected);
          expect(b.valid).toBe(expected);
          expect(a.keys.map((k) => k.explored)).toEqual(b.keys.map((k) => k.explored));
        }
        if (expected) valid++;
        else invalid++;
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(valid).toBeGreaterThan(20);
    expect(invalid).toBeGreaterThan(20);
  });
});
