import type { Rng } from '../../src/core/generator.js';
import type { Op, Value } from '../../src/core/op.js';
import { createRng } from '../../src/generator/rng.js';

/** Shape of a generated kv-append history, after Porcupine's key-value benchmarks. */
export interface KvHistoryOptions {
  ops: number;
  clients: number;
  /** String keys "0".."keys-1" (default 10). */
  keys?: number;
  /** Rewrite one get in the last third to a stale value, which makes the history not linearizable. */
  stale?: boolean;
  seed: number;
}

interface InFlight {
  f: 'get' | 'put' | 'append';
  key: string;
  value: string;
  applied: boolean;
  /** What a get read; the value a put/append replaced. */
  seen: string;
  invokeIndex: number;
}

/**
 * A get/put/append history on string keys that is linearizable by construction: a simulated store
 * applies each op at one instant between its invocation and completion. Values are unique
 * (`x <client> <n> y`, as in Porcupine's test data), so a stale get is a certain refutation: the
 * value it returns was replaced by a write that completed before the get began, and no later op
 * can bring it back.
 */
export function generateKvHistory(options: KvHistoryOptions): Op[] {
  const rng = createRng(options.seed);
  const keys = options.keys ?? 10;
  const store = new Map<string, string>();
  const out: Op[] = [];
  const slots: (InFlight | undefined)[] = new Array<InFlight | undefined>(options.clients).fill(undefined);
  const counts = new Array<number>(options.clients).fill(0);
  /** Completed writes: (key, value before, completion index). */
  const writes: { key: string; before: string; done: number }[] = [];
  let invoked = 0;
  let open = 0;
  const emit = (type: Op['type'], process: number, f: string, value: Value): number => {
    const index = out.length;
    out.push({ index, type, process, f, value, time: index * 1000 });
    return index;
  };
  while (invoked < options.ops || open > 0) {
    const c = rng.int(options.clients);
    const op = slots[c];
    if (!op) {
      if (invoked >= options.ops) continue;
      const r = rng.next();
      const f = r < 0.4 ? 'get' : r < 0.5 ? 'put' : 'append';
      const key = String(rng.int(keys));
      const value = f === 'get' ? '' : `x ${c} ${counts[c]!++} y`;
      const fresh: InFlight = { f, key, value, applied: false, seen: '', invokeIndex: 0 };
      fresh.invokeIndex = emit('invoke', c, f, [key, f === 'get' ? null : value]);
      slots[c] = fresh;
      invoked++;
      open++;
      continue;
    }
    if (!op.applied) {
      if (rng.next() < 0.5) {
        op.applied = true;
        op.seen = store.get(op.key) ?? '';
        if (op.f === 'put') store.set(op.key, op.value);
        else if (op.f === 'append') store.set(op.key, op.seen + op.value);
      }
      continue;
    }
    const done = emit('ok', c, op.f, [op.key, op.f === 'get' ? op.seen : op.value]);
    if (op.f !== 'get') writes.push({ key: op.key, before: op.seen, done });
    slots[c] = undefined;
    open--;
  }
  if (options.stale) staleGet(out, writes, rng);
  return out;
}

/** Rewrites one ok get in the last third to the value a write that completed before the get replaced. */
function staleGet(out: Op[], writes: { key: string; before: string; done: number }[], rng: Rng): void {
  const invokedAt = new Map<Op, number>();
  const open = new Map<unknown, number>();
  out.forEach((op, i) => {
    if (op.type === 'invoke') open.set(op.process, i);
    else invokedAt.set(op, open.get(op.process)!);
  });
  const gets = out.filter((op, i) => op.type === 'ok' && op.f === 'get' && i > (out.length * 2) / 3);
  for (let tries = 0; tries < 50 && gets.length > 0; tries++) {
    const get = gets[rng.int(gets.length)]!;
    const [key, read] = get.value as [string, string];
    const at = invokedAt.get(get)!;
    const w = writes.findLast((w) => w.key === key && w.done < at && w.before !== read);
    if (!w) continue;
    get.value = [key, w.before];
    return;
  }
}
