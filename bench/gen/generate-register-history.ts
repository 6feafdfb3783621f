import type { Rng } from '../../src/core/generator.js';
import type { Op, Value } from '../../src/core/op.js';
import { createRng } from '../../src/generator/rng.js';

/** Shape of a generated register history. */
export interface RegisterHistoryOptions {
  /** Client operations (each is an invocation plus a completion). */
  ops: number;
  /** Concurrent processes. */
  processes: number;
  /** Independent keys; with more than 1, values are `[key v]`. */
  keys?: number;
  /** Distinct values written (0..values-1). */
  values?: number;
  /** Fraction of ops that complete as info (crashed); the process is then replaced by a new one. */
  infoRate?: number;
  /** Use cas ops (a cas-register); failed comparisons complete as fail without error. */
  cas?: boolean;
  /** Fraction of ops that fail with an error before taking effect. */
  errorRate?: number;
  /** Corrupt the history: one ok read in the last third returns a value never written, so it is not linearizable. */
  corrupt?: boolean;
  /** Corrupt the history: one ok read in the last third returns the value an earlier completed write replaced (usually not linearizable). */
  stale?: boolean;
  seed: number;
}

interface InFlight {
  process: number;
  key: number;
  f: 'read' | 'write' | 'cas';
  value: Value;
  applied: boolean;
  result: Value;
  ok: boolean;
  invokeIndex: number;
}

/**
 * A register (or cas-register) history that is linearizable by construction: a simulated register
 * applies each op at one instant between its invocation and completion. Info ops may apply before
 * they complete, later, or never, as a crashed client's request would. With `corrupt`, one read is
 * rewritten to return a value nobody wrote, which makes the history not linearizable.
 */
export function generateRegisterHistory(options: RegisterHistoryOptions): Op[] {
  const rng = createRng(options.seed);
  const keys = options.keys ?? 1;
  const values = options.values ?? 5;
  const infoRate = options.infoRate ?? 0;
  const errorRate = options.errorRate ?? 0;
  const keyed = keys > 1;
  const state: Value[] = new Array<Value>(keys).fill(null);
  const out: Op[] = [];
  const slots: (InFlight | undefined)[] = new Array<InFlight | undefined>(options.processes).fill(undefined);
  const processOf = Array.from({ length: options.processes }, (_, i) => i);
  const crashed: InFlight[] = [];
  let invoked = 0;
  let open = 0;
  const wrap = (key: number, v: Value): Value => (keyed ? [key, v] : v);
  const emit = (
    type: Op['type'],
    process: number,
    f: string,
    value: Value,
    extra?: Record<string, Value>,
  ): number => {
    const index = out.length;
    out.push({ ...extra, index, type, process, f, value, time: index * 1000 });
    return index;
  };
  const apply = (op: InFlight): void => {
    op.applied = true;
    const s = state[op.key]!;
    if (op.f === 'read') op.result = s;
    else if (op.f === 'write') {
      state[op.key] = op.value;
    } else {
      const [from, to] = op.value as [Value, Value];
      if (s === from) {
        state[op.key] = to;
      } else op.ok = false;
    }
  };
  while (invoked < options.ops || open > 0) {
    // Now and then a crashed op takes effect late.
    if (crashed.length > 0 && rng.next() < 0.05) {
      const op = crashed.splice(rng.int(crashed.length), 1)[0]!;
      if (rng.next() < 0.5) apply(op);
    }
    const slot = rng.int(options.processes);
    const op = slots[slot];
    if (!op) {
      if (invoked >= options.ops) continue;
      const key = rng.int(keys);
      const r = rng.next();
      const f = options.cas ? (r < 0.4 ? 'read' : r < 0.7 ? 'write' : 'cas') : r < 0.5 ? 'read' : 'write';
      const value: Value =
        f === 'read' ? null : f === 'write' ? rng.int(values) : [rng.int(values), rng.int(values)];
      const fresh: InFlight = {
        process: processOf[slot]!,
        key,
        f,
        value,
        applied: false,
        result: null,
        ok: true,
        invokeIndex: 0,
      };
      fresh.invokeIndex = emit('invoke', fresh.process, f, wrap(key, value));
      slots[slot] = fresh;
      invoked++;
      open++;
      continue;
    }
    if (!op.applied && rng.next() < 0.5) {
      if (rng.next() < errorRate) {
        emit('fail', op.process, op.f, wrap(op.key, op.value), { error: 'timeout-before-send' });
        slots[slot] = undefined;
        open--;
        continue;
      }
      if (rng.next() < infoRate) {
        // Crashes before taking effect: may apply later, or never.
        emit('info', op.process, op.f, wrap(op.key, op.value), { error: 'timeout' });
        if (op.f !== 'read') crashed.push(op);
        processOf[slot] = processOf[slot]! + options.processes;
        slots[slot] = undefined;
        open--;
        continue;
      }
      apply(op);
      continue;
    }
    if (!op.applied) continue;
    if (rng.next() < infoRate) {
      emit('info', op.process, op.f, wrap(op.key, op.value), { error: 'timeout' });
      processOf[slot] = processOf[slot]! + options.processes;
    } else if (op.f === 'read') emit('ok', op.process, 'read', wrap(op.key, op.result));
    else emit(op.ok ? 'ok' : 'fail', op.process, op.f, wrap(op.key, op.value));
    slots[slot] = undefined;
    open--;
  }
  if (options.corrupt) corrupt(out, keyed, rng, values);
  if (options.stale) stale(out, keyed, rng);
  return out;
}

/** Rewrites one ok read in the last third to return `values`, a value no write wrote. */
function corrupt(out: Op[], keyed: boolean, rng: Rng, values: number): void {
  const reads = out.filter((op, i) => op.type === 'ok' && op.f === 'read' && i > (out.length * 2) / 3);
  const read = reads[rng.int(reads.length)];
  if (!read) return;
  read.value = keyed ? [(read.value as Value[])[0]!, values] : values;
}

/**
 * Rewrites one ok read in the last third to a stale value: the value of an ok write w1 that an ok
 * write w2 of another value followed (w2 invoked after w1 completed), both completed before the read.
 */
function stale(out: Op[], keyed: boolean, rng: Rng): void {
  const inner = (op: Op): Value => (keyed ? (op.value as Value[])[1]! : op.value);
  const keyOf = (op: Op): Value => (keyed ? (op.value as Value[])[0]! : null);
  const invokedAt = new Map<Op, number>();
  const open = new Map<unknown, number>();
  out.forEach((op, i) => {
    if (op.type === 'invoke') open.set(op.process, i);
    else invokedAt.set(op, open.get(op.process)!);
  });
  const reads = out.filter((op, i) => op.type === 'ok' && op.f === 'read' && i > (out.length * 2) / 3);
  for (let tries = 0; tries < 20 && reads.length > 0; tries++) {
    const read = reads[rng.int(reads.length)]!;
    const readAt = invokedAt.get(read)!;
    // Completed ok writes of the same key before the read, latest first.
    const writes = out
      .slice(0, readAt)
      .filter((op) => op.type === 'ok' && op.f === 'write' && keyOf(op) === keyOf(read))
      .reverse();
    const w2 = writes[0];
    if (!w2) continue;
    const w1 = writes.find(
      (w) => out.indexOf(w) < invokedAt.get(w2)! && inner(w) !== inner(w2) && inner(w) !== inner(read),
    );
    if (!w1) continue;
    read.value = keyed ? [keyOf(read), inner(w1)] : inner(w1);
    return;
  }
}
