// Random tiny register histories for property tests of the sequential and linearizability checkers.
import fc from 'fast-check';
import type { History, Value } from '../../src/core/op.js';
import { history, type EventSpec } from './history.js';

/** One op of a tiny history: `arg` is the written value, the read result, or [old new] for cas. */
export interface TinyOp {
  f: 'read' | 'write' | 'cas';
  key: string;
  arg: Value;
  type: 'ok' | 'info' | 'fail';
  /** The fail's error field, when it has one. */
  error?: string;
}

export interface TinyShape {
  /** Which fs appear. */
  fs: readonly TinyOp['f'][];
  keys: readonly string[];
  /** Every written value distinct (and not the initial nil). */
  unique: boolean;
  /** Error fields a fail may carry (undefined: a bare fail). */
  errors: readonly (string | undefined)[];
  /** At most this many processes (default 3) and ops per process (default 3). */
  processes?: number;
  opsPerProcess?: number;
}

/** Processes of tiny ops; reads and cas olds pick among written values (or nil), so many are valid. */
export function tinyProcs(shape: TinyShape): fc.Arbitrary<TinyOp[][]> {
  const opArb = fc.record({
    f: fc.constantFrom(...shape.fs),
    key: fc.constantFrom(...shape.keys),
    a: fc.nat(3),
    b: fc.nat(4),
    type: fc.constantFrom('ok', 'ok', 'ok', 'info', 'fail', 'fail'),
    error: fc.constantFrom(...shape.errors),
  });
  const procs = fc.array(fc.array(opArb, { minLength: 1, maxLength: shape.opsPerProcess ?? 3 }), {
    minLength: 2,
    maxLength: shape.processes ?? 3,
  });
  return procs.map((raw) => {
    let next = 1;
    const written: Value[] = [null];
    const out = raw.map((ops) => {
      const list: TinyOp[] = [];
      for (const o of ops) {
        const fresh = shape.unique ? next++ : o.a + 1;
        const type = o.type as TinyOp['type'];
        const error = type === 'fail' && o.error !== undefined ? { error: o.error } : {};
        if (o.f === 'read')
          list.push({ f: 'read', key: o.key, arg: o.b, type: type === 'fail' ? 'ok' : type });
        else {
          list.push({ f: o.f, key: o.key, arg: o.f === 'write' ? fresh : [o.b, fresh], type, ...error });
          written.push(fresh);
        }
        if (type === 'info') break; // a crashed process issues nothing more
      }
      return list;
    });
    let k = 0;
    for (const op of out.flat()) {
      k++;
      const pick = (n: number): Value => (n === 0 ? null : written[(k + n) % written.length]!);
      if (op.f === 'read') op.arg = pick(Number(op.arg));
      if (op.f === 'cas') op.arg = [pick(Number((op.arg as Value[])[0])), (op.arg as Value[])[1]!];
    }
    return out;
  });
}

/** The history of `procs`, interleaved by `schedule` (then round-robin); keyed values are [key v]. */
export function tinyHistory(
  procs: readonly TinyOp[][],
  keyed: boolean,
  schedule: readonly number[] = [],
): History {
  const wrap = (op: TinyOp, v: Value): Value => (keyed ? [op.key, v] : v);
  const next = procs.map(() => 0);
  const busy = procs.map(() => false);
  const events: EventSpec[] = [];
  for (let step = 0; ; step++) {
    const live = procs.flatMap((ops, p) => (busy[p] || next[p]! < ops.length ? [p] : []));
    if (live.length === 0) break;
    const p = live[(schedule[step] ?? step) % live.length]!;
    const op = procs[p]![next[p]!]!;
    const invoked = wrap(op, op.f === 'read' ? null : op.arg);
    if (!busy[p]) {
      events.push({ type: 'invoke', process: p, f: op.f, value: invoked });
      busy[p] = true;
      continue;
    }
    const value = op.type === 'ok' ? wrap(op, op.arg) : invoked;
    events.push({
      type: op.type,
      process: p,
      f: op.f,
      value,
      ...(op.error === undefined ? {} : { error: op.error }),
    });
    busy[p] = false;
    next[p]!++;
  }
  return history(...events);
}
