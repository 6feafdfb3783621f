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
  /**
   * How long ops take. `busy` (the default): every step completes or applies a random client's op,
   * so latencies are geometric around twice the client count and every key sees ~clients/keys
   * overlapping writes throughout. `heavy-tailed`: each op's duration is log-normal (median 1,
   * sigma `sigma`), as in Porcupine's recorded lab histories, where a few clients finish a dozen
   * ops while another's first op is still pending.
   */
  latency?: 'busy' | 'heavy-tailed';
  /** Log-normal sigma of the heavy-tailed durations (default 1.5). */
  sigma?: number;
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
  if (options.latency === 'heavy-tailed') return generateHeavyTailed(options);
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

/** A client's op in the heavy-tailed simulation: applied at `applyAt`, completed at `doneAt`. */
interface Timed extends InFlight {
  applyAt: number;
  doneAt: number;
}

/**
 * Every client invokes its next op as soon as the last one returns (as Porcupine's lab clients
 * do); an op lasts a log-normal duration and takes effect at a uniform instant inside it.
 * Events are taken in time order.
 */
function generateHeavyTailed(options: KvHistoryOptions): Op[] {
  const rng = createRng(options.seed);
  const keys = options.keys ?? 10;
  const sigma = options.sigma ?? 1.5;
  const store = new Map<string, string>();
  const out: Op[] = [];
  const slots: (Timed | undefined)[] = new Array<Timed | undefined>(options.clients).fill(undefined);
  const counts = new Array<number>(options.clients).fill(0);
  const writes: { key: string; before: string; done: number }[] = [];
  const duration = (): number => {
    // Box-Muller: a standard normal from two uniforms.
    const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    return Math.exp(sigma * z);
  };
  const emit = (type: Op['type'], process: number, f: string, value: Value, time: number): number => {
    const index = out.length;
    out.push({ index, type, process, f, value, time: Math.round(time * 1e6) });
    return index;
  };
  let invoked = 0;
  const invoke = (c: number, now: number): void => {
    if (invoked >= options.ops) {
      slots[c] = undefined;
      return;
    }
    const r = rng.next();
    const f = r < 0.4 ? 'get' : r < 0.5 ? 'put' : 'append';
    const key = String(rng.int(keys));
    const value = f === 'get' ? '' : `x ${c} ${counts[c]!++} y`;
    const d = duration();
    const op: Timed = {
      f,
      key,
      value,
      applied: false,
      seen: '',
      invokeIndex: 0,
      applyAt: now + rng.next() * d,
      doneAt: now + d,
    };
    op.invokeIndex = emit('invoke', c, f, [key, f === 'get' ? null : value], now);
    slots[c] = op;
    invoked++;
  };
  for (let c = 0; c < options.clients; c++) invoke(c, 0);
  for (;;) {
    let c = -1;
    let at = Infinity;
    slots.forEach((op, i) => {
      const t = op === undefined ? Infinity : op.applied ? op.doneAt : op.applyAt;
      if (t < at) [c, at] = [i, t];
    });
    if (c < 0) break;
    const op = slots[c]!;
    if (!op.applied) {
      op.applied = true;
      op.seen = store.get(op.key) ?? '';
      if (op.f === 'put') store.set(op.key, op.value);
      else if (op.f === 'append') store.set(op.key, op.seen + op.value);
      continue;
    }
    const done = emit('ok', c, op.f, [op.key, op.f === 'get' ? op.seen : op.value], at);
    if (op.f !== 'get') writes.push({ key: op.key, before: op.seen, done });
    invoke(c, at);
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
