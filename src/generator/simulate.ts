import type { GenContext, GenEvent, GenOp, Generator, Rng } from '../core/generator.js';
import type { Value } from '../core/op.js';
import { createRng } from './rng.js';

type Thread = number | 'nemesis';

export interface SimulateOptions {
  threads: readonly Thread[];
  seed: number;
  /** How long an op takes, in ns (default 1 ms). */
  latency?: (op: GenOp, rng: Rng) => number;
  /** How an op completes (default ok with the invoked value). */
  complete?: (op: GenOp, rng: Rng) => { type: GenEvent['type']; value?: Value };
  /** How far the clock moves when the generator is pending with nothing running (default 1 ms). */
  pollNs?: number;
  /** Give up (throw) past this simulated time: a generator that never ends (default 1 hour). */
  maxTimeNs?: number;
}

/** One invocation or completion of a simulated run. */
export interface SimEvent {
  type: 'invoke' | GenEvent['type'];
  thread: Thread;
  f: string;
  value: Value;
  time: number;
}

interface Running {
  op: GenOp;
  done: number;
}

/**
 * Runs `gen` against a simulated clock and instant fake workers, exactly as the interpreter drives
 * real ones (an op due later than the next completion is dropped and asked for again after it).
 * Pure and deterministic for a given seed: for unit tests and for trying out schedules.
 */
export function simulate(gen: Generator, options: SimulateOptions): SimEvent[] {
  const rng = createRng(options.seed);
  const latency = options.latency ?? (() => 1e6);
  const complete = options.complete ?? ((op: GenOp) => ({ type: 'ok' as const, value: op.value }));
  const pollNs = options.pollNs ?? 1e6;
  const maxTime = options.maxTimeNs ?? 3600e9;
  const free = new Set<Thread>(options.threads);
  const running: Running[] = [];
  const events: SimEvent[] = [];
  let time = 0;
  const ctx = (): GenContext => ({ time, free: new Set(free), threads: options.threads, rng });

  const completeFirst = (): void => {
    running.sort((a, b) => a.done - b.done);
    const { op, done } = running.shift()!;
    time = Math.max(time, done);
    const c = complete(op, rng);
    const event: GenEvent = { thread: op.thread, type: c.type, f: op.f, value: c.value ?? op.value };
    events.push({ ...event, time });
    free.add(op.thread);
    gen = gen.update(ctx(), event);
  };

  for (;;) {
    if (time > maxTime) throw new RangeError(`simulation passed ${maxTime} ns: the generator never ends`);
    const r = gen.next(ctx());
    const nextDone = Math.min(...running.map((x) => x.done));
    if (r === null) {
      if (running.length === 0) return events;
      completeFirst();
      continue;
    }
    if (r === 'pending') {
      if (running.length > 0) completeFirst();
      else time += pollNs;
      continue;
    }
    const { op } = r;
    if (op.time > time) {
      if (nextDone <= op.time) {
        completeFirst();
        continue;
      }
      time = op.time;
    }
    if (!free.has(op.thread)) throw new Error(`generator emitted an op for busy thread ${String(op.thread)}`);
    events.push({ type: 'invoke', thread: op.thread, f: op.f, value: op.value, time });
    free.delete(op.thread);
    running.push({ op, done: time + latency(op, rng) });
    gen = r.gen;
  }
}
