// A deliberately naive sequential-consistency oracle for tests. It shares no code with the checker
// (not even the models): it reads the raw history, writes its own register semantics, and
// enumerates every interleaving of the processes' ops. Exponential: a handful of ops only.
import type { History, Op, Value } from '../../src/core/op.js';

/** How the oracle reads a history: the model, keys, and the failed-cas reading. */
export interface SequentialOracleOptions {
  /** register: read/write; cas-register: also cas [old new]; kv: read/write on [key value]. */
  model: 'register' | 'cas-register' | 'kv';
  /** Values are [key value]; each key is its own register (but one order covers all keys). */
  independent?: boolean;
  /** `ignore`: only a fail marked error 'cas-mismatch' observes; `observe`: a bare fail too; `drop`: no fail does. */
  failedCas?: 'ignore' | 'observe' | 'drop';
  initial?: Value;
}

/** One op as the oracle replays it. */
interface OracleOp {
  key: string;
  f: string;
  /** Written value, read result, or [old new]. */
  arg: Value;
  /** ok: must be placed; info: placed or left out; observe: a failed comparison that must be placed. */
  kind: 'ok' | 'info' | 'observe';
}

const same = (a: Value, b: Value): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Splits a value into [key, inner value] for keyed histories. */
function split(keyed: boolean, v: Value): [string, Value] {
  if (!keyed) return ['', v];
  const pair = v as Value[];
  return [JSON.stringify(pair[0]), pair[1]!];
}

/** What a fail completion tells the oracle: an observation, or nothing (undefined). */
function failed(inv: Op, done: Op, opts: SequentialOracleOptions): OracleOp['kind'] | undefined {
  if (inv.f !== 'cas' || opts.model !== 'cas-register') return undefined;
  const reading = opts.failedCas ?? 'ignore';
  if (reading === 'drop') return undefined;
  if (done.error === 'cas-mismatch') return 'observe';
  return reading === 'observe' && (done.error === undefined || done.error === null) ? 'observe' : undefined;
}

/** Each process's ops in program order, as the oracle replays them. */
function programs(history: History, opts: SequentialOracleOptions): OracleOp[][] {
  const keyed = opts.model === 'kv' || opts.independent === true;
  const open = new Map<unknown, Op>();
  const byProcess = new Map<unknown, OracleOp[]>();
  const push = (inv: Op, done: Op | undefined): void => {
    const [key, invoked] = split(keyed, inv.value);
    let kind: OracleOp['kind'] | undefined;
    let arg = invoked;
    if (done === undefined || done.type === 'info') kind = inv.f === 'read' ? undefined : 'info';
    else if (done.type === 'fail') kind = failed(inv, done, opts);
    else {
      kind = 'ok';
      if (inv.f === 'read') arg = split(keyed, done.value)[1];
    }
    if (kind === undefined) return;
    const list = byProcess.get(inv.process) ?? [];
    list.push({ key, f: inv.f, arg, kind });
    byProcess.set(inv.process, list);
  };
  for (const e of history) {
    if (e.process === 'nemesis') continue;
    if (e.type === 'invoke') {
      open.set(e.process, e);
      continue;
    }
    push(open.get(e.process)!, e);
    open.delete(e.process);
  }
  for (const inv of open.values()) push(inv, undefined);
  return [...byProcess.values()];
}

/**
 * True when some total order of the ops respects every process's program order and replays
 * legally on registers that start at `initial`: ok ops are placed; crashed (info or pending) ops
 * are placed or left out (a crashed read is left out); a fail is left out, except a failed
 * comparison the reading says observed, which is placed where the register lacks its expected value.
 */
export function bruteForceSequential(history: History, opts: SequentialOracleOptions): boolean {
  const procs = programs(history, opts);
  const pos = procs.map(() => 0);
  const state = new Map<string, Value>();
  const initial = opts.initial ?? null;
  const get = (k: string): Value => (state.has(k) ? state.get(k)! : initial);
  /** Applies op; returns the undo, or undefined when the op is illegal here. */
  const apply = (op: OracleOp): (() => void) | undefined => {
    const before = get(op.key);
    const had = state.has(op.key);
    const undo = (): void => {
      if (had) state.set(op.key, before);
      else state.delete(op.key);
    };
    if (op.f === 'read') return same(before, op.arg) ? undo : undefined;
    if (op.f === 'write') {
      state.set(op.key, op.arg);
      return undo;
    }
    const [old, next] = op.arg as [Value, Value];
    if (op.kind === 'observe') return same(before, old) ? undefined : undo;
    if (!same(before, old)) return undefined;
    state.set(op.key, next);
    return undo;
  };
  const go = (): boolean => {
    if (procs.every((ops, p) => pos[p] === ops.length)) return true;
    for (let p = 0; p < procs.length; p++) {
      const op = procs[p]![pos[p]!];
      if (op === undefined) continue;
      pos[p]!++;
      const undo = apply(op);
      if (undo !== undefined) {
        const found = go();
        undo();
        if (found) {
          pos[p]!--;
          return true;
        }
      }
      if (op.kind === 'info' && go()) {
        pos[p]!--;
        return true;
      }
      pos[p]!--;
    }
    return false;
  };
  return go();
}

/** The history without its fail completions and their invocations: the drop-all-fails reading. */
export function withoutFails(history: History): History {
  const open = new Map<unknown, number>();
  const dropped = new Set<number>();
  history.forEach((e, i) => {
    if (e.process === 'nemesis') return;
    if (e.type === 'invoke') open.set(e.process, i);
    else if (e.type === 'fail') {
      dropped.add(open.get(e.process)!);
      dropped.add(i);
    }
  });
  return history.filter((_, i) => !dropped.has(i)).map((e, index) => ({ ...e, index }));
}
