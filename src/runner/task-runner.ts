import { setMaxListeners } from 'node:events';
import { FaultlineError } from '../core/errors.js';

/** One step of a run's lifecycle. Its teardown is registered as soon as its setup starts. */
export interface Task<C> {
  title: string;
  setup(ctx: C, signal: AbortSignal): Promise<void>;
  teardown?(ctx: C): Promise<void>;
}

export type TaskStatus = 'passed' | 'failed' | 'interrupted' | 'timedout';

export interface TaskRunResult {
  status: TaskStatus;
  /** The error that failed the run (status 'failed'). */
  error?: unknown;
  /** The task that was running when the run stopped early. */
  stoppedIn?: string;
  teardownErrors: { title: string; error: unknown }[];
}

export interface TaskRunnerOptions {
  /** Stop (status 'timedout') after this many ms. */
  deadlineMs?: number;
  /** Signals that interrupt the run (default SIGINT, SIGTERM); a third one exits at once. */
  signals?: readonly NodeJS.Signals[];
  /** How long an interrupted setup may take to wind down before teardowns start (default 15 s). */
  graceMs?: number;
  /** A teardown still running after this long is abandoned so the ones after it run (default 120 s). */
  teardownTimeoutMs?: number;
  log?: (line: string) => void;
}

type Stop = { status: 'interrupted' | 'timedout' | 'failed'; error?: unknown };

/**
 * Runs tasks in order, then the registered teardowns in reverse order: always, whether the setups
 * passed, threw, were interrupted by a signal or ran past the deadline (Playwright's TaskRunner).
 * An uncaught error anywhere during the run fails it the same way, so cleanup still happens.
 */
export class TaskRunner<C> {
  constructor(
    private readonly tasks: readonly Task<C>[],
    private readonly options: TaskRunnerOptions = {},
  ) {}

  async run(ctx: C): Promise<TaskRunResult> {
    const log = this.options.log ?? (() => {});
    const abort = new AbortController();
    // Every running op and waiting worker listens to this signal: no listener limit applies.
    setMaxListeners(0, abort.signal);
    let stop!: (s: Stop) => void;
    const stopped = new Promise<Stop>((resolve) => (stop = resolve));
    let signalsSeen = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      signalsSeen++;
      if (signalsSeen === 1) {
        log(`${signal}: stopping, then cleaning up (press Ctrl-C twice more to exit without cleanup)`);
        stop({ status: 'interrupted' });
      } else if (signalsSeen === 2) {
        log(
          'still cleaning up; one more Ctrl-C exits at once and leaves containers (remove them with `faultline clean`)',
        );
      } else {
        process.exit(130);
      }
    };
    let uncaught = 0;
    const onUncaught = (error: unknown): void => {
      // Report the first one only: if the error came from writing the log (a closed pipe), logging
      // every one would feed the loop that produces them.
      if (uncaught++ === 0 && (error as NodeJS.ErrnoException).code !== 'EPIPE') {
        try {
          log(`uncaught error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        } catch {
          // Nowhere left to report it; the run still stops and cleans up.
        }
      }
      stop({ status: 'failed', error });
    };
    const signals = this.options.signals ?? ['SIGINT', 'SIGTERM'];
    for (const s of signals) process.on(s, onSignal);
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    const timer =
      this.options.deadlineMs === undefined
        ? undefined
        : setTimeout(() => stop({ status: 'timedout' }), this.options.deadlineMs);

    const teardowns: Task<C>[] = [];
    let result: Stop | undefined;
    let stoppedIn: string | undefined;
    try {
      for (const task of this.tasks) {
        if (task.teardown) teardowns.push(task);
        log(`${task.title}…`);
        const setup = task.setup(ctx, abort.signal).then(
          () => undefined,
          (error: unknown) => ({ status: 'failed', error }) as Stop,
        );
        const outcome = await Promise.race([setup, stopped]);
        if (outcome !== undefined) {
          result = outcome;
          stoppedIn = task.title;
          abort.abort(
            new FaultlineError('RUN_INTERRUPTED', `the run was ${outcome.status} in ${task.title}`),
          );
          // Let the setup see the abort and finish what it was writing (e.g. the history) first.
          await Promise.race([setup, delay(this.options.graceMs ?? 15_000)]);
          break;
        }
      }
    } finally {
      if (timer) clearTimeout(timer);
    }
    const teardownErrors: TaskRunResult['teardownErrors'] = [];
    for (const task of teardowns.reverse()) {
      try {
        await withTimeout(task.teardown!(ctx), this.options.teardownTimeoutMs ?? 120_000, task.title);
      } catch (error) {
        log(`teardown of ${task.title} failed: ${error instanceof Error ? error.message : String(error)}`);
        teardownErrors.push({ title: task.title, error });
      }
    }
    for (const s of signals) process.off(s, onSignal);
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    if (result === undefined) return { status: 'passed', teardownErrors };
    return {
      status: result.status,
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(stoppedIn === undefined ? {} : { stoppedIn }),
      teardownErrors,
    };
  }
}

/** `work`, or a rejection once `ms` passed (the work itself goes on; nothing can cancel it). */
function withTimeout(work: Promise<void>, ms: number, title: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new FaultlineError('INTERNAL', `teardown of ${title} still running after ${ms} ms; skipped`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
