import type { Model } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import type { PartitionOp } from '../linearizability/partition-op.js';
import { valueKey } from '../models/value-key.js';
import { KeyState, Trail } from './block-key-state.js';
import type { SeqOp } from './process-sequences.js';
import type { UniqueBlock, UniqueSegment } from './unique-writes-order.js';

/** One key's blocks and segments from the unique-writes construction, and its failed comparisons. */
export interface KeyBlocks {
  blocks: readonly UniqueBlock[];
  segments: readonly UniqueSegment[];
  observations: readonly PartitionOp[];
}

/** What an op is to its key's blocks: the write heading a block, a read of one, or a failed comparison. */
interface Role {
  kind: 'head' | 'read' | 'fail';
  /** The block written or read; for a failed comparison the block of its expected value (-1: none). */
  block: number;
  /** A failed comparison whose process later observes the expected value: it must precede its write. */
  before?: boolean;
}

/** Locking writes the witness may try before it gives up (deterministic). */
export const BLOCK_WITNESS_BUDGET = 20_000;

/**
 * Looks for one total order of a whole keyed history whose keys have unique written values, from
 * each key's blocks and segments (see uniqueWritesOrder). Reads and failed comparisons are placed
 * as soon as they are legal (moving a read-only op earlier never hurts), and so are writes nobody
 * reads. A write may come when its process reached it, every read of the key's current value is
 * placed, and its segment's turn has come. The remaining choice, which read write comes next, is a
 * depth-first search in invocation order with failed configurations memoised, bounded by `budget`
 * choices. The order found is replayed through the model and returned only when every step is
 * legal, so a witness is always a real one; undefined says nothing.
 */
export function blockWitness(
  model: Model,
  sequences: readonly SeqOp[][],
  keys: readonly KeyBlocks[],
  partitions: number,
  inner: (v: Value) => Value,
  budget = BLOCK_WITNESS_BUDGET,
): SeqOp[] | undefined {
  const roles = keyRoles(keys, inner);
  const trail = new Trail();
  const state = keys.map((k) => new KeyState(k, trail));
  markFailsBefore(sequences, roles, state);
  const pos = new Int32Array(sequences.length);
  const order: SeqOp[] = [];
  const next = (p: number): SeqOp | undefined => {
    const seq = sequences[p]!;
    while (pos[p]! < seq.length && seq[pos[p]!]!.op.type === 'info' && !roles.has(seq[pos[p]!]!.op))
      trail.set(pos, p, pos[p]! + 1);
    return seq[pos[p]!];
  };
  const place = (p: number, s: SeqOp): void => {
    order.push(s);
    trail.set(pos, p, pos[p]! + 1);
  };
  /** Places every op that may come at no cost; false when an op has no role (cannot be placed). */
  const propagate = (): boolean => {
    for (let moved = true; moved;) {
      moved = false;
      for (let p = 0; p < sequences.length; p++) {
        for (let s = next(p); s !== undefined; s = next(p)) {
          const role = roles.get(s.op);
          if (role === undefined) return false;
          const key = state[s.part]!;
          const c = key.cur[0]!;
          if (role.kind === 'head') {
            if (!key.headReady(role.block) || key.locks(role.block)) break;
            key.placeHead(role.block);
          } else if (role.kind === 'read') {
            if (c !== role.block) break;
            key.placeRead(role.block);
          } else {
            if (c === role.block) break;
            key.placeFail(role.block, role.before === true);
          }
          place(p, s);
          moved = true;
        }
      }
    }
    return true;
  };
  const where = new Map<PartitionOp, [number, number]>();
  sequences.forEach((seq, p) => seq.forEach((x, i) => where.set(x.op, [p, i])));
  const placed = (op: PartitionOp): boolean => {
    const [p, i] = where.get(op)!;
    return i < pos[p]!;
  };
  /**
   * Whether a reader of block b (written by s) must come after another unplaced write of the same
   * key, or after a failed comparison of b, through program order, writes before their readers and
   * cas chains. Writing b now would put every other write of the key after b's readers, and leave
   * no place for that failed comparison, so it cannot lead to a legal order.
   */
  const waitsForOther = (s: SeqOp, b: number): boolean => {
    const stack = keys[s.part]!.blocks[b]!.readers.filter((r) => !placed(r));
    const seen = new Set<PartitionOp>(stack);
    const visit = (op: PartitionOp | undefined): void => {
      if (op === undefined || seen.has(op) || placed(op)) return;
      seen.add(op);
      stack.push(op);
    };
    for (let op = stack.pop(); op !== undefined; op = stack.pop()) {
      const [p, i] = where.get(op)!;
      if (i > 0) visit(sequences[p]![i - 1]!.op);
      const role = roles.get(op);
      if (role === undefined) continue;
      const part = sequences[p]![i]!.part;
      // A failed comparison of b that b's readers wait for would have to sit inside b's block.
      if (role.kind === 'fail') {
        if (part === s.part && role.block === b) return true;
        // Its value was written already: it waits for the next write, so for every reader of it.
        const expected = keys[part]!.blocks[role.block];
        if (expected !== undefined && (expected.head === undefined || placed(expected.head)))
          for (const r of expected.readers) visit(r);
        continue;
      }
      const k = keys[part]!;
      const block = k.blocks[role.block]!;
      if (role.kind === 'read') {
        visit(block.head);
        continue;
      }
      if (op !== s.op && part === s.part) return true;
      const prev = k.segments[block.segment]!.chain[block.chainIndex - 1];
      if (prev === undefined) continue;
      visit(k.blocks[prev]!.head);
      for (const r of k.blocks[prev]!.readers) visit(r);
    }
    return false;
  };
  /** Processes whose next op is a write that may come now (and holds its key), by invocation. */
  const choices = (): number[] => {
    const out: number[] = [];
    for (let p = 0; p < sequences.length; p++) {
      const s = next(p);
      const role = s === undefined ? undefined : roles.get(s.op);
      if (role?.kind === 'head' && state[s!.part]!.headReady(role.block) && !waitsForOther(s!, role.block))
        out.push(p);
    }
    return out.sort((a, b) => rank(next(a)!) - rank(next(b)!));
  };
  /** A read value's write goes first when it is read first: the first invocation among its readers. */
  const rank = (s: SeqOp): number => {
    const block = keys[s.part]!.blocks[roles.get(s.op)!.block]!;
    return block.readers.reduce((m, r) => Math.min(m, r.call), s.op.call + 0.5);
  };
  const configuration = (): string => `${pos.join(',')}|${state.map((k) => k.cur[0]).join(',')}`;
  const failed = new Set<string>();
  const stack: { mark: number; length: number; choices: number[]; i: number; key: string }[] = [];
  let tried = 0;
  for (let descend = true; ;) {
    if (descend) {
      if (!propagate()) return undefined;
      if (sequences.every((_, p) => next(p) === undefined)) break;
      const key = configuration();
      const options = failed.has(key) ? [] : choices();
      if (options.length > 0) {
        stack.push({ mark: trail.mark, length: order.length, choices: options, i: 0, key });
      } else failed.add(key);
    }
    const top = stack.at(-1);
    if (top === undefined || tried++ >= budget) return undefined;
    trail.undo(top.mark);
    order.length = top.length;
    if (top.i >= top.choices.length) {
      failed.add(top.key);
      stack.pop();
      descend = false;
      continue;
    }
    const p = top.choices[top.i++]!;
    const s = next(p)!;
    state[s.part]!.placeHead(roles.get(s.op)!.block);
    place(p, s);
    descend = true;
  }
  return replays(model, order, partitions) ? order : undefined;
}

/** The role of every op the blocks place, by op. */
function keyRoles(keys: readonly KeyBlocks[], inner: (v: Value) => Value): Map<PartitionOp, Role> {
  const roles = new Map<PartitionOp, Role>();
  for (const k of keys) {
    const at = new Map<string, number>();
    k.blocks.forEach((b, i) => {
      at.set(b.value, i);
      if (b.head !== undefined) roles.set(b.head, { kind: 'head', block: i });
      for (const r of b.readers) roles.set(r, { kind: 'read', block: i });
    });
    for (const f of k.observations) {
      const expected = valueKey((inner(f.model.value) as Value[])[0]!);
      roles.set(f, { kind: 'fail', block: at.get(expected) ?? -1 });
    }
  }
  return roles;
}

/**
 * Marks each failed comparison whose process later reads its expected value, or later runs a cas
 * expecting it: values are unique, so the value cannot come back, and the fail must precede its write.
 */
function markFailsBefore(
  sequences: readonly SeqOp[][],
  roles: ReadonlyMap<PartitionOp, Role>,
  state: readonly KeyState[],
): void {
  for (const seq of sequences) {
    const later = new Set<string>();
    for (let i = seq.length - 1; i >= 0; i--) {
      const s = seq[i]!;
      const role = roles.get(s.op);
      if (role === undefined) continue;
      if (role.kind === 'read') later.add(`${s.part}|${role.block}`);
      if (role.kind === 'head' && s.op.type === 'ok' && s.op.f === 'cas') {
        const block = state[s.part]!.k.blocks[role.block]!;
        const prev = state[s.part]!.k.segments[block.segment]!.chain[block.chainIndex - 1];
        if (prev !== undefined) later.add(`${s.part}|${prev}`);
      }
      if (role.kind === 'fail' && role.block >= 0) state[s.part]!.openFails[0]!++;
      if (role.kind === 'fail' && role.block > 0 && later.has(`${s.part}|${role.block}`)) {
        role.before = true;
        state[s.part]!.waitingFails[role.block]!++; // set up before any trail mark
      }
    }
  }
}

/** Whether `order` steps legally through the model, one state per partition. */
function replays(model: Model, order: readonly SeqOp[], partitions: number): boolean {
  const states = new Array<unknown>(partitions).fill(model.init());
  for (const s of order) {
    const next = model.step(states[s.part], s.op.model);
    if (next === null) return false;
    states[s.part] = next;
  }
  return true;
}
