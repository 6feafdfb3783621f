import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FaultlineError } from '../../src/core/errors.js';
import type { Model } from '../../src/core/model.js';
import type { KeyVerdict } from './decide-partition.js';
import { runKeyTask, type KeyTask, type SharedLimits } from './key-task.js';
import type { Partition } from './partition-history.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-message.js';

/**
 * Runs a round of key tasks, one verdict per task in task order. With `stopAtRefuted`, the first
 * refuted task in task order ends the round: every task before it has its verdict, every task
 * after it none (even if a worker finished it), so the outcome is the same with any number of
 * workers. Without it, every task gets a verdict (undefined only when a worker stopped answering
 * past the deadline).
 */
export interface KeyPool {
  run(tasks: readonly KeyTask[], stopAtRefuted: boolean): Promise<(KeyVerdict | undefined)[]>;
  close(): void;
}

/** Every task on the main thread, in order. */
export class InlinePool implements KeyPool {
  constructor(
    private readonly model: Model,
    private readonly parts: readonly Partition[],
    private readonly shared: SharedLimits,
  ) {}

  run(tasks: readonly KeyTask[], stopAtRefuted: boolean): Promise<(KeyVerdict | undefined)[]> {
    const out: (KeyVerdict | undefined)[] = new Array<KeyVerdict | undefined>(tasks.length).fill(undefined);
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      out[i] = runKeyTask(this.model, this.parts[task.id]!, task, this.shared);
      if (stopAtRefuted && out[i]!.result.valid === false) break;
    }
    return Promise.resolve(out);
  }

  close(): void {}
}

/**
 * The worker script: worker.js next to this file when built, or, when running from .ts sources
 * (tests, tsx), a small module that registers tsx's loader first (Node 20 workers ignore
 * `--import` in execArgv).
 */
function workerUrl(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./worker.js', import.meta.url);
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const target = new URL('./worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(pathToFileURL(api).href)}; register(); await import(${JSON.stringify(target)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** One round on the worker threads: tasks handed out in order, one at a time per worker. */
class Round {
  readonly out: (KeyVerdict | undefined)[];
  /** Workers busy with a task of this round. */
  readonly busy = new Set<Worker>();
  private nextTask = 0;
  /** Task index of the first refuted task so far; tasks after it are not started and their verdicts dropped. */
  private cutoff = Infinity;
  private finished = false;

  constructor(
    private readonly tasks: readonly KeyTask[],
    private readonly parts: readonly Partition[],
    private readonly stopAtRefuted: boolean,
    private readonly done: (round: Round) => void,
  ) {
    this.out = new Array<KeyVerdict | undefined>(tasks.length).fill(undefined);
  }

  /** Gives `w` the next task, or ends the round once nothing is left to wait for. */
  feed(w: Worker): void {
    if (this.finished) return;
    if (this.nextTask < this.tasks.length && this.nextTask <= this.cutoff) {
      const index = this.nextTask++;
      this.busy.add(w);
      const task = this.tasks[index]!;
      const message: WorkerTask = { ...task, id: index, part: this.parts[task.id]! };
      w.postMessage(message);
    } else if (this.settled()) this.finish();
  }

  /** Records the verdict of task `index`, answered by `w`. */
  answer(w: Worker, index: number, verdict: KeyVerdict): void {
    this.busy.delete(w);
    if (index > this.cutoff) return;
    this.out[index] = verdict;
    if (this.stopAtRefuted && verdict.result.valid === false && index < this.cutoff) {
      this.cutoff = index;
      for (let i = index + 1; i < this.out.length; i++) this.out[i] = undefined;
    }
  }

  /** True when every task up to the cutoff has its verdict (or, without a cutoff, every worker is idle). */
  private settled(): boolean {
    if (this.cutoff === Infinity) return this.busy.size === 0;
    for (let i = 0; i < this.cutoff; i++) if (this.out[i] === undefined) return false;
    return true;
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.done(this);
  }
}

/** The tasks on `threads` worker threads, which load the registry model themselves. */
export class WorkerPool implements KeyPool {
  private readonly workers: Worker[] = [];
  private round: Round | undefined;
  private failure: ((error: Error) => void) | undefined;
  /** Workers still busy with a task of an ended round: their answer is dropped, then they join the current one. */
  private readonly stale = new Set<Worker>();

  constructor(
    private readonly parts: readonly Partition[],
    setup: WorkerSetup,
    threads: number,
  ) {
    const url = workerUrl();
    for (let t = 0; t < threads; t++) {
      const w = new Worker(url, { workerData: setup });
      this.workers.push(w);
      w.on('message', (reply: WorkerReply) => this.onReply(w, reply));
      w.on('error', (error) =>
        this.fail(
          new FaultlineError('INTERNAL', `linearizability worker crashed: ${error.message}`, {
            cause: error,
          }),
        ),
      );
    }
  }

  run(tasks: readonly KeyTask[], stopAtRefuted: boolean): Promise<(KeyVerdict | undefined)[]> {
    return new Promise((resolve, reject) => {
      const round = new Round(tasks, this.parts, stopAtRefuted, (ended) => {
        for (const w of ended.busy) this.stale.add(w);
        this.round = undefined;
        resolve(ended.out);
      });
      this.round = round;
      this.failure = reject;
      for (const w of this.workers) if (!this.stale.has(w)) round.feed(w);
      if (tasks.length === 0) round.finish();
    });
  }

  /** Ends the current round now (a worker stopped answering past the deadline): unanswered tasks get no verdict. */
  abandon(): void {
    this.round?.finish();
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
  }

  private onReply(w: Worker, reply: WorkerReply): void {
    if (this.stale.delete(w)) {
      this.round?.feed(w);
      return;
    }
    const round = this.round;
    if (round === undefined) return;
    if ('error' in reply) {
      this.fail(
        new FaultlineError('INTERNAL', `linearizability worker failed on key #${reply.id}: ${reply.error}`),
      );
      return;
    }
    round.answer(w, reply.id, reply.verdict);
    round.feed(w);
  }

  private fail(error: Error): void {
    const fail = this.failure;
    this.round = undefined;
    this.failure = undefined;
    fail?.(error);
  }
}
