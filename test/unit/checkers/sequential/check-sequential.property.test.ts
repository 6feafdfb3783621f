import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSequential } from '../../../../checkers/sequential/check-sequential.js';
import type { History, Value } from '../../../../src/core/op.js';
import { history, type EventSpec } from '../../../support/history.js';

/** A tiny op: `arg` is the written value, the read result, or [old new] for cas. */
interface TinyOp {
  f: 'read' | 'write' | 'cas';
  key: string;
  arg: Value;
  type: 'ok' | 'info' | 'fail';
}

/** Brute force: some interleaving of the processes' ops (crashed ones optional) replays legally. */
function oracle(procs: TinyOp[][]): boolean {
  const pos = procs.map(() => 0);
  const state = new Map<string, Value>();
  const get = (k: string): Value => state.get(k) ?? null;
  const go = (): boolean => {
    if (procs.every((ops, p) => pos[p] === ops.length)) return true;
    for (let p = 0; p < procs.length; p++) {
      const op = procs[p]![pos[p]!];
      if (op === undefined) continue;
      pos[p]!++;
      const before = get(op.key);
      let legal = true;
      if (op.type === 'fail')
        legal = op.f !== 'cas' || JSON.stringify(before) !== JSON.stringify((op.arg as Value[])[0]);
      else if (op.f === 'write') state.set(op.key, op.arg);
      else if (op.f === 'read')
        legal = op.type === 'info' || JSON.stringify(before) === JSON.stringify(op.arg);
      else if (JSON.stringify(before) === JSON.stringify((op.arg as Value[])[0]))
        state.set(op.key, (op.arg as Value[])[1]!);
      else legal = op.type === 'info';
      if (legal && go()) return true;
      state.set(op.key, before);
      // A crashed op may also never take effect.
      if (op.type === 'info' && go()) return true;
      pos[p]!--;
    }
    return false;
  };
  return go();
}

function toHistory(procs: TinyOp[][], keyed: boolean): History {
  const events: EventSpec[] = [];
  const wrap = (op: TinyOp, v: Value): Value => (keyed ? [op.key, v] : v);
  // Round-robin so processes interleave in the file (real time does not matter for SC).
  const longest = Math.max(...procs.map((p) => p.length));
  for (let i = 0; i < longest; i++) {
    procs.forEach((ops, p) => {
      const op = ops[i];
      if (op === undefined) return;
      const invoked = op.f === 'read' ? wrap(op, null) : wrap(op, op.arg);
      events.push({ type: 'invoke', process: p, f: op.f, value: invoked });
      events.push({
        type: op.type,
        process: p,
        f: op.f,
        value: op.type === 'ok' ? wrap(op, op.arg) : invoked,
      });
    });
  }
  return history(...events);
}

/** Processes of tiny ops; `unique` makes every written value distinct. */
function tinyProcs(withCas: boolean, unique: boolean, keys: string[]) {
  const opArb = fc.record({
    f: fc.constantFrom(...(withCas ? (['read', 'write', 'cas'] as const) : (['read', 'write'] as const))),
    key: fc.constantFrom(...keys),
    a: fc.nat(3),
    b: fc.nat(3),
    type: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'info', 'fail'),
  });
  return fc
    .array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 })
    .map((raw) => {
      let next = 1;
      const written: Value[] = [null];
      const procs: TinyOp[][] = raw.map((ops) => {
        const out: TinyOp[] = [];
        for (const o of ops) {
          const fresh = unique ? next++ : o.a + 1;
          const type = o.type as TinyOp['type'];
          if (o.f === 'write') out.push({ f: 'write', key: o.key, arg: fresh, type });
          else if (o.f === 'cas')
            out.push({ f: 'cas', key: o.key, arg: [o.b === 0 ? null : o.b, fresh], type });
          else
            out.push({
              f: 'read',
              key: o.key,
              arg: o.b === 0 ? null : o.b,
              type: type === 'info' ? 'info' : 'ok',
            });
          if (o.f !== 'read') written.push(fresh);
          if (type === 'info') break; // a crashed process issues nothing more
        }
        return out;
      });
      // Reads and cas olds pick among values that were written (or nil), so many histories are valid.
      let k = 0;
      for (const ops of procs) {
        for (const op of ops) {
          k++;
          if (op.f === 'read' && op.arg !== null) op.arg = written[(k + Number(op.arg)) % written.length]!;
          if (op.f === 'cas') {
            const [old, nu] = op.arg as Value[];
            op.arg = [old === null ? null : written[(k + Number(old)) % written.length]!, nu!];
          }
        }
      }
      return procs;
    });
}

describe('checkSequential agrees with brute force on tiny histories', () => {
  const variants = [
    {
      name: 'register, unique values (construction)',
      model: 'register',
      cas: false,
      unique: true,
      keys: ['x'],
    },
    { name: 'register, repeated values (search)', model: 'register', cas: false, unique: false, keys: ['x'] },
    { name: 'cas-register, unique values', model: 'cas-register', cas: true, unique: true, keys: ['x'] },
    { name: 'cas-register, repeated values', model: 'cas-register', cas: true, unique: false, keys: ['x'] },
    { name: 'kv, two keys', model: 'kv', cas: false, unique: true, keys: ['x', 'y'] },
    {
      name: 'independent registers, two keys',
      model: 'register',
      cas: false,
      unique: false,
      keys: ['x', 'y'],
    },
  ] as const;
  for (const v of variants) {
    it(v.name, () => {
      const keyed = v.keys.length > 1;
      let valid = 0;
      let runs = 0;
      fc.assert(
        fc.property(tinyProcs(v.cas, v.unique, [...v.keys]), (procs) => {
          runs++;
          const want = oracle(procs);
          if (want) valid++;
          const got = checkSequential(toHistory(procs, keyed), {
            model: v.model,
            independent: keyed && v.model !== 'kv',
          });
          expect(got.valid, JSON.stringify(got.anomalies)).toBe(want);
        }),
        { numRuns: 500, seed: 11 },
      );
      expect(valid).toBeGreaterThan(runs / 10);
      expect(valid).toBeLessThan(runs - runs / 10);
    });
  }
});
