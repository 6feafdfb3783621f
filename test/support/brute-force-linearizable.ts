// A deliberately naive linearizability oracle for tests: it enumerates every order of the ops,
// shares no code with the checker (only the model's step function), and is exponential, so it is
// for histories of a handful of ops.
import type { Model, ModelOp } from '../../src/core/model.js';
import type { History, Value } from '../../src/core/op.js';

interface Candidate {
  call: number;
  /** Completion position; Infinity for ops that may take effect any time after their call, or never. */
  ret: number;
  required: boolean;
  op: ModelOp;
}

/**
 * True when some order of the ops fits real time and the model: ok ops take effect inside their
 * interval; info and pending ops at any time after their call, or never; fail ops never, except
 * that what the model's failedOp says a fail observed must hold somewhere in its interval.
 */
export function bruteForceLinearizable(
  history: History,
  model: Model,
  keyOf?: (v: Value) => [Value, Value],
): boolean {
  const groups = new Map<string, Candidate[]>();
  const open = new Map<unknown, { index: number; f: string; value: Value }>();
  const add = (key: string, c: Candidate): void => {
    const g = groups.get(key) ?? [];
    g.push(c);
    groups.set(key, g);
  };
  history.forEach((e, pos) => {
    if (e.process === 'nemesis') return;
    if (e.type === 'invoke') {
      open.set(e.process, { index: pos, f: e.f, value: e.value });
      return;
    }
    const inv = open.get(e.process)!;
    open.delete(e.process);
    let key = '';
    let invoked = inv.value;
    let returned = e.value;
    if (keyOf) {
      const [k, v] = keyOf(inv.value);
      key = JSON.stringify(k);
      invoked = v;
      if (e.type === 'ok') returned = keyOf(e.value)[1];
    }
    if (e.type === 'ok')
      add(key, {
        call: inv.index,
        ret: pos,
        required: true,
        op: { f: inv.f, value: returned, crashed: false },
      });
    else if (e.type === 'info')
      add(key, {
        call: inv.index,
        ret: Infinity,
        required: false,
        op: { f: inv.f, value: invoked, crashed: true },
      });
    else {
      const observed = model.failedOp?.(inv.f, invoked, e.error as Value | undefined);
      if (observed) add(key, { call: inv.index, ret: pos, required: true, op: observed });
    }
  });
  for (const [, inv] of open) {
    const key = keyOf ? JSON.stringify(keyOf(inv.value)[0]) : '';
    const invoked = keyOf ? keyOf(inv.value)[1] : inv.value;
    add(key, {
      call: inv.index,
      ret: Infinity,
      required: false,
      op: { f: inv.f, value: invoked, crashed: true },
    });
  }
  return [...groups.values()].every((ops) =>
    search(model, ops, model.init(), new Array<boolean>(ops.length).fill(false)),
  );
}

function search(model: Model, ops: Candidate[], state: unknown, done: boolean[]): boolean {
  if (ops.every((c, i) => done[i] || !c.required)) return true;
  for (let i = 0; i < ops.length; i++) {
    if (done[i]) continue;
    const c = ops[i]!;
    // Real time: an op that returned before c was called must already have taken effect.
    if (ops.some((d, j) => !done[j] && d.required && d.ret < c.call)) continue;
    const next = model.step(state, c.op);
    if (next === null) continue;
    done[i] = true;
    const found = search(model, ops, next, done);
    done[i] = false;
    if (found) return true;
  }
  return false;
}
