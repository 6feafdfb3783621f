import type { Completion } from '../core/client.js';
import type { GenContext, GenEvent, GenOp, Generator, Rng } from '../core/generator.js';
import type { Op } from '../core/op.js';
import type { Clock } from './clock.js';
import type { HistoryRecorder } from './history-recorder.js';
import type { Thread, WorkerPool } from './worker-pool.js';

/** How long to wait before asking a pending generator again when nothing completes (ms). */
const POLL_MS = 5;

export interface InterpretOptions {
  pool: WorkerPool;
  generator: Generator;
  rng: Rng;
  clock: Clock;
  recorder: HistoryRecorder;
  /** When aborted: issue no more ops; running ones end (as info when cut short) and are recorded. */
  signal: AbortSignal;
}

interface Done {
  thread: Thread;
  invoke: Op;
  completion: Completion;
}

/**
 * Drives `generator` with real workers until it ends (or the signal aborts) and every op it issued
 * has completed. Every invocation and completion is recorded the moment it happens. An op due later
 * than now is dropped when a completion arrives first, and the generator is asked again after
 * learning of it (Jepsen's interpreter does the same).
 */
export async function interpret(options: InterpretOptions): Promise<void> {
  const { pool, rng, clock, recorder, signal } = options;
  let gen = options.generator;
  const free = new Set<Thread>(pool.threads);
  const done: Done[] = [];
  let running = 0;
  let wake: (() => void) | undefined;
  const ctx = (): GenContext => ({ time: clock(), free: new Set(free), threads: pool.threads, rng });
  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', finish);
        wake = undefined;
        resolve();
      }
      wake = finish;
      signal.addEventListener('abort', finish, { once: true });
    });
  const applyCompletions = (): void => {
    for (const d of done.splice(0)) {
      const { thread, invoke, completion } = d;
      const event: Omit<Op, 'index'> = {
        type: completion.type,
        process: invoke.process,
        f: invoke.f,
        value: completion.value,
        time: clock(),
      };
      const node = completion.node ?? invoke.node;
      if (node !== undefined) event.node = node;
      if (completion.error !== undefined) event.error = completion.error;
      recorder.record(event);
      running--;
      free.add(thread);
      if (completion.type === 'info') pool.retire(thread);
      const genEvent: GenEvent = { thread, type: completion.type, f: invoke.f, value: completion.value };
      gen = gen.update(ctx(), genEvent);
    }
  };
  const dispatch = (op: GenOp): void => {
    const event: Omit<Op, 'index'> = {
      type: 'invoke',
      process: pool.processOf(op.thread),
      f: op.f,
      value: op.value,
      time: clock(),
    };
    if (op.thread !== 'nemesis') event.node = pool.nodeOf(op.thread);
    const invoke = recorder.record(event);
    free.delete(op.thread);
    running++;
    void pool.invoke(op.thread, invoke, signal).then((completion) => {
      done.push({ thread: op.thread, invoke, completion });
      wake?.();
    });
  };

  for (;;) {
    applyCompletions();
    if (signal.aborted) break;
    const r = gen.next(ctx());
    if (r === null) {
      if (running === 0) return;
      await wait(60_000);
      continue;
    }
    if (r === 'pending') {
      await wait(POLL_MS);
      continue;
    }
    const dueInMs = (r.op.time - clock()) / 1e6;
    if (dueInMs >= 1) {
      await wait(dueInMs);
      continue;
    }
    if (!free.has(r.op.thread)) {
      throw new Error(`the generator emitted an op for busy thread ${String(r.op.thread)}: ${r.op.f}`);
    }
    dispatch(r.op);
    gen = r.gen;
  }
  // Interrupted: let running ops finish (they see the abort and end as info) and record them.
  while (running > 0) {
    if (done.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    applyCompletions();
  }
}
