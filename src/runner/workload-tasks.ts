import { FaultlineError } from '../core/errors.js';
import type { Generator } from '../core/generator.js';
import type { ClientFactory } from '../core/system.js';
import { any } from '../generator/any.js';
import { nemesisSchedule } from '../generator/nemesis-schedule.js';
import { clients, nemesis as onNemesis } from '../generator/on-threads.js';
import { rate } from '../generator/stagger.js';
import { timeLimit } from '../generator/time-limit.js';
import { createClock, type Clock } from './clock.js';
import { healFaults } from './heal-faults.js';
import { interpret } from './interpreter.js';
import type { RunScope } from './run-scope.js';
import type { Task } from './task-runner.js';
import type { TestSpec } from './test-spec.js';
import { WorkerPool } from './worker-pool.js';

/** The lifecycle tasks of the workload, in order: clients, the nemesis, and the timed run itself. */
export function workloadTasks(run: RunScope): Task<unknown>[] {
  return [clientsTask(run), nemesisTask(run), runTask(run)];
}

/** Opens one client per worker thread (and the nemesis thread); closes them at the end. */
function clientsTask(run: RunScope): Task<unknown> {
  const { spec } = run;
  return {
    title: 'clients',
    setup: async () => {
      const pool = new WorkerPool({
        ctx: run.ctx.get(),
        clients: clientFactoryOf(spec),
        concurrency: spec.concurrency,
        opTimeoutMs: spec.opTimeoutMs ?? 5000,
        ...(run.nemesis ? { nemesis: run.nemesis } : {}),
      });
      run.pool.set(pool);
      await pool.open();
    },
    teardown: async () => {
      await run.pool.peek()?.close();
    },
  };
}

/** The system's clients for the spec's workload; BAD_ARGUMENT when it has none (checked before anything starts). */
export function clientFactoryOf(spec: TestSpec): ClientFactory {
  const factory = spec.system.clients[spec.workload.name];
  if (factory) return factory;
  throw new FaultlineError(
    'BAD_ARGUMENT',
    `${spec.system.name} has no client for workload ${spec.workload.name}.`,
    {
      hint: `Choose one of its workloads: ${Object.keys(spec.system.clients).join(', ') || 'none'}.`,
    },
  );
}

/** Sets the nemesis up; its teardown heals everything, also (harmlessly) after the run's own heal. */
function nemesisTask(run: RunScope): Task<unknown> {
  const { nemesis, spec } = run;
  return {
    title: 'nemesis setup',
    setup: async () => {
      if (nemesis) await nemesis.setup(run.ctx.get(), spec.system);
    },
    teardown: async () => {
      const ctx = run.ctx.peek();
      if (nemesis && ctx) await nemesis.teardown(ctx);
    },
  };
}

/** The timed run: clients and nemesis schedule together, then the heal, then the final phase. */
function runTask(run: RunScope): Task<unknown> {
  const { spec } = run;
  return {
    title: `run (${spec.timeLimitS}s)`,
    setup: async (_ctx, signal) => {
      const clock = createClock();
      run.progress.start(clock);
      try {
        await interpret({ ...interpreting(run, clock, signal), generator: mainGenerator(run) });
        if (signal.aborted) return;
        await healFaults(run, clock);
        await finalPhase(run, clock, signal);
      } finally {
        run.progress.stop();
      }
    },
  };
}

/** Client ops at the spec's rate beside the nemesis schedule (seeded by the run's seed), both time-limited. */
function mainGenerator(run: RunScope): Generator {
  const { spec, faults } = run;
  const T = spec.timeLimitS * 1e9;
  const parts: Generator[] = [
    clients(timeLimit(T, rate(spec.rate, spec.workload.generator(run.workloadOptions)))),
  ];
  if (run.nemesis && faults.length > 0) {
    const schedule = nemesisSchedule(faults, spec.nemesisIntervalS * 1e9, { seed: spec.seed });
    parts.push(onNemesis(timeLimit(T, schedule)));
  }
  return any(...parts);
}

/** The workload's final generator (e.g. final reads), after the healed cluster had time to recover. */
async function finalPhase(run: RunScope, clock: Clock, signal: AbortSignal): Promise<void> {
  const { spec } = run;
  const final = spec.workload.finalGenerator?.(run.workloadOptions);
  if (!final || signal.aborted) return;
  const recoverS = spec.recoverS ?? 5;
  run.log(`final phase: waiting ${recoverS}s for the healed cluster to recover`);
  await abortableDelay(recoverS * 1000, signal);
  if (signal.aborted) return;
  const generator = clients(timeLimit((spec.finalTimeLimitS ?? 60) * 1e9, final));
  await interpret({ ...interpreting(run, clock, signal), generator });
}

/** What every interpreter call of the run shares. */
function interpreting(run: RunScope, clock: Clock, signal: AbortSignal) {
  return { pool: run.pool.get(), rng: run.rng, clock, recorder: run.recorder, signal };
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
