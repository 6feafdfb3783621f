import type { Model } from '../../src/core/model.js';
import type { SeqOp } from './process-sequences.js';

/** Where the search got furthest before every continuation failed: the evidence of a violation. */
export interface Frontier {
  /** Ops placed in the longest legal prefix found. */
  placed: number;
  /** The model state after that prefix, per partition (rendered). */
  states: string[];
  /** The next op of every unfinished process, which the model rejects from that state. */
  blocked: SeqOp[];
}

export type SearchOutcome =
  | { valid: true; explored: number; order: SeqOp[] }
  | { valid: false; explored: number; frontier: Frontier }
  | { valid: 'unknown'; explored: number; frontier: Frontier };

/**
 * Pruning for histories whose written values are unique per key: writing over a value that an op
 * not yet placed still has to observe can never lead to a legal order, so such a write is skipped.
 */
export interface UniqueWritesPruning {
  /** Key `${part}|${value key}` -> [process, index in its sequence] of every op that observes that value. */
  observers: Map<string, [number, number][]>;
  /** `${part}|${value key}` of the value an op writes, or undefined for read-only ops. */
  written(s: SeqOp): string | undefined;
  /** `${part}|${value key}` of the initial value of each partition. */
  initial: string[];
}

interface Frame {
  pos: Int32Array;
  /** Current value per partition (`${part}|${value key}`), when pruning. */
  cur: string[];
  states: unknown[];
  hashes: string[];
  /** Ops placed to reach this frame from its parent (the branching op and greedy reads). */
  steps: SeqOp[];
  /** Next choice to try (see `order`). */
  next: number;
  /** Processes in the order to try them. */
  order?: number[];
}

/**
 * Looks for a total order of all ops that respects each process's program order and that the
 * model accepts (sequential consistency; real time is ignored). Depth-first over (positions of
 * every process, model state of every partition), memoising failed configurations.
 * Partial-order reduction: a read-only op the model accepts now is applied at once, which is safe
 * because moving such an op earlier in a legal order changes no state the others see. Crashed
 * ops (info) come last in their process and may be left out. `budget` bounds configurations
 * expanded: deterministic; running out gives unknown. Processes are tried in the order of their
 * next op's invocation, since real-time order is usually close to a legal order; with
 * `pruning` (unique written values) a write that would hide a value some op still has to observe
 * is never tried.
 */
export function sequentialSearch(
  model: Model,
  sequences: readonly SeqOp[][],
  partitions: number,
  budget: number,
  pruning?: UniqueWritesPruning,
): SearchOutcome {
  const P = sequences.length;
  const finished = (pos: Int32Array): boolean => sequences.every((seq, p) => pos[p] === seq.length);
  const failed = new Set<string>();
  let explored = 0;
  let best: Frontier = { placed: -1, states: [], blocked: [] };

  const greedy = (frame: Frame): void => {
    for (let progress = true; progress;) {
      progress = false;
      for (let p = 0; p < P; p++) {
        const s = sequences[p]![frame.pos[p]!];
        if (s === undefined || s.op.type === 'info' || !model.isReadOnly(s.op.model)) continue;
        const next = model.step(frame.states[s.part], s.op.model);
        if (next === null) continue;
        frame.states[s.part] = next;
        frame.pos[p]!++;
        frame.steps.push(s);
        progress = true;
      }
    }
  };
  // Finished processes are left out of the key: a process is finished iff it is not listed.
  const keyOf = (f: Frame): string => {
    let key = '';
    for (let p = 0; p < P; p++) if (f.pos[p]! < sequences[p]!.length) key += `${p}:${f.pos[p]},`;
    return `${key}#${f.hashes.join('\u0001')}`;
  };
  const record = (f: Frame): void => {
    let placed = 0;
    for (let p = 0; p < P; p++) placed += f.pos[p]!;
    if (placed <= best.placed) return;
    const blocked: SeqOp[] = [];
    for (let p = 0; p < P; p++) {
      const s = sequences[p]![f.pos[p]!];
      if (s !== undefined && s.op.type !== 'info') blocked.push(s);
    }
    best = { placed, states: f.states.map((s) => model.show(s)), blocked };
  };

  // Unfinished processes by the invocation of their next op, since real-time order is usually close
  // to a legal order; crashed ops last, as they may take effect at any later time or never.
  const priority = (f: Frame): number[] => {
    const out: number[] = [];
    for (let p = 0; p < P; p++) if (f.pos[p]! < sequences[p]!.length) out.push(p);
    const at = (p: number): number => {
      const s = sequences[p]![f.pos[p]!]!;
      return s.op.type === 'info' ? Infinity : s.op.call;
    };
    return out.sort((a, b) => at(a) - at(b));
  };

  const init = model.init();
  const root: Frame = {
    pos: new Int32Array(P),
    states: new Array<unknown>(partitions).fill(init),
    hashes: new Array<string>(partitions).fill(model.hash(init)),
    cur: pruning?.initial ?? [],
    steps: [],
    next: 0,
  };
  greedy(root);
  root.hashes = root.states.map((s) => model.hash(s));
  const stack: Frame[] = [root];
  while (stack.length > 0) {
    const f = stack.at(-1)!;
    if (f.next === 0) {
      if (finished(f.pos)) return { valid: true, explored, order: stack.flatMap((x) => x.steps) };
      const key = keyOf(f);
      if (failed.has(key) || explored >= budget) {
        if (explored >= budget) {
          record(f);
          return { valid: 'unknown', explored, frontier: best };
        }
        stack.pop();
        continue;
      }
      explored++;
      f.order = priority(f);
    }
    let child: Frame | undefined;
    // Choice 2p applies process p's next op; 2p+1 leaves it out, which only a crashed op allows.
    while (f.next < 2 * f.order!.length && child === undefined) {
      const choice = f.next++;
      const p = f.order![choice >> 1]!;
      const s = sequences[p]![f.pos[p]!];
      if (s === undefined) continue;
      const skip = (choice & 1) === 1;
      if (skip && s.op.type !== 'info') continue;
      if (!skip && s.op.type !== 'info' && model.isReadOnly(s.op.model)) continue; // greedy already tried it
      const writes = !skip && pruning !== undefined ? pruning.written(s) : undefined;
      if (writes !== undefined) {
        const waiting = pruning!.observers.get(f.cur[s.part]!) ?? [];
        if (waiting.some(([q, i]) => f.pos[q]! <= i && !(q === p && i === f.pos[p]))) continue;
      }
      const nextState = skip ? f.states[s.part] : model.step(f.states[s.part], s.op.model);
      if (nextState === null) continue;
      const states = f.states.slice();
      states[s.part] = nextState;
      const pos = f.pos.slice();
      pos[p]!++;
      let cur = f.cur;
      if (writes !== undefined) {
        cur = f.cur.slice();
        cur[s.part] = writes;
      }
      child = { pos, states, hashes: f.hashes, cur, steps: skip ? [] : [s], next: 0 };
      greedy(child);
      child.hashes = f.hashes.slice();
      child.hashes[s.part] = model.hash(child.states[s.part]);
      for (const st of child.steps) child.hashes[st.part] = model.hash(child.states[st.part]);
    }
    if (child !== undefined) {
      stack.push(child);
      continue;
    }
    record(f);
    failed.add(keyOf(f));
    stack.pop();
  }
  return { valid: false, explored, frontier: best };
}
