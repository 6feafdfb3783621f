import { randomBytes } from 'node:crypto';
import { FaultlineError, INPUT_ERROR_CODES } from '../core/errors.js';
import type { Generator } from '../core/generator.js';
import type { FaultKind } from '../core/nemesis.js';
import type { History, Op } from '../core/op.js';
import type { SystemContext } from '../core/system.js';
import { exitCodeFor, mergeVerdicts } from '../core/verdict.js';
import type { WorkloadOptions } from '../core/workload.js';
import { any } from '../generator/any.js';
import { nemesisSchedule } from '../generator/nemesis-schedule.js';
import { clients, nemesis as onNemesis } from '../generator/on-threads.js';
import { createRng } from '../generator/rng.js';
import { rate } from '../generator/stagger.js';
import { timeLimit } from '../generator/time-limit.js';
import { readHistory } from '../history/read-history.js';
import type { TestInfo } from '../../reports/test-info.js';
import { runChecks, someOkCheck } from './run-checks.js';
import { createClock, type Clock } from './clock.js';
import { faultlineVersion } from './faultline-version.js';
import { FaultTracker } from './fault-tracker.js';
import { HistoryRecorder } from './history-recorder.js';
import { interpret } from './interpreter.js';
import { dockerPlatform, type ManagedCluster } from './platform.js';
import { Progress, progressMode } from './progress.js';
import { RunStore } from './run-store.js';
import { TaskRunner, type Task } from './task-runner.js';
import type { RunOutcome, TestSpec } from './test-spec.js';
import { observePrimaries, recordPrimaries, withPrimaries } from './record-primaries.js';
import { validateNemesis } from './validate-nemesis.js';
import { errorText } from './validate-client.js';
import { WorkerPool } from './worker-pool.js';
import { writeReports } from './write-reports.js';

/** What the lifecycle tasks share while a run goes on. */
interface RunState {
  cluster?: ManagedCluster;
  ctx?: SystemContext;
  pool?: WorkerPool;
  version?: string;
  image?: string;
  clock?: Clock;
}

/**
 * Runs one test, the single code path of `faultline test` and the library API: images -> cluster ->
 * system -> clients + nemesis -> the generator (history recorded as it happens) -> heal -> final
 * phase -> logs -> destroy (unless keep) -> check -> reports. Cleanup runs whatever happens.
 */
export async function runTest(spec: TestSpec): Promise<RunOutcome> {
  const platform = spec.platform ?? dockerPlatform;
  // A fault that cannot work on this system (or these options) fails here, before anything starts.
  for (const p of spec.nemesis?.prepare ?? []) p.check(spec.system, spec.systemOptions ?? {});
  const name = spec.name ?? `${spec.system.name}-${spec.workload.name}`;
  const startedAt = new Date();
  const store = new RunStore(spec.storeDir ?? 'store', name, startedAt);
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const out = spec.output ?? process.stderr;
  const faults: readonly FaultKind[] = spec.nemesis?.faults ?? [];
  const tracker = new FaultTracker(faults);
  const progress = new Progress(
    { out, mode: spec.progress ?? progressMode(out), timeLimitS: spec.timeLimitS, faults },
    tracker,
  );
  const log = (line: string): void => progress.log(line);
  const recorder = new HistoryRecorder(store.history);
  const counts = { invoke: 0, ok: 0, fail: 0, info: 0 };
  recorder.onEvent((op) => {
    if (op.process !== 'nemesis') counts[op.type]++;
  });
  recorder.onEvent(progress.onEvent);
  // Completions record the system's primaries right after each fault op (for reports and failover studies).
  const nemesis = spec.nemesis ? recordPrimaries(validateNemesis(spec.nemesis.nemesis, 60_000)) : undefined;
  const workloadOptions: WorkloadOptions = {
    ...spec.workloadOptions,
    concurrency: spec.concurrency,
    nodes: spec.nodes,
  };
  const rng = createRng(spec.seed);
  const testInfo: TestInfo = {
    name,
    system: spec.system.name,
    workload: spec.workload.name,
    nemesis: faults.map((f) => f.name).join(',') || 'none',
    seed: spec.seed,
    concurrency: spec.concurrency,
    platform: platform.name,
    startTime: startedAt.toISOString(),
    ...(spec.command ? { command: spec.command.join(' ') } : {}),
  };
  const testJson = (extra: Record<string, unknown>): void => {
    store.writeJson('test.json', {
      name,
      runId,
      system: spec.system.name,
      workload: spec.workload.name,
      nemesis: faults.map((f) => f.name),
      nodes: spec.nodes,
      concurrency: spec.concurrency,
      platform: platform.name,
      timeLimitS: spec.timeLimitS,
      rate: spec.rate,
      seed: spec.seed,
      nemesisIntervalS: spec.nemesisIntervalS,
      keep: spec.keep ?? false,
      systemOptions: spec.systemOptions ?? {},
      workloadOptions: spec.workloadOptions ?? {},
      opTimeoutMs: spec.opTimeoutMs ?? 5000,
      command: spec.command ?? [],
      versions: {
        faultline: faultlineVersion(),
        node: process.version,
        ...(state.version ? { system: state.version } : {}),
      },
      image: state.image ?? null,
      startTime: startedAt.toISOString(),
      ...extra,
    });
  };

  const state: RunState = {};
  testJson({});
  const tasks: Task<RunState>[] = [
    {
      title: 'images',
      setup: async (s) => {
        s.image = await platform.images(spec.system.image, (line) => log(`  ${line}`), spec.nemesis?.image);
      },
    },
    {
      title: 'cluster',
      setup: async (s) => {
        s.cluster = await platform.createCluster({
          runId,
          nodes: spec.nodes,
          image: s.image!,
          recipe: spec.system.image,
          onProgress: (line) => log(`  ${line}`),
          ...(spec.nemesis?.privileges ? { privileges: spec.nemesis.privileges } : {}),
        });
        s.ctx = { cluster: s.cluster, options: spec.systemOptions ?? {}, log: (line) => log(`  ${line}`) };
      },
      teardown: async (s) => {
        if (spec.keep && s.cluster) {
          s.cluster.release?.();
          log(
            `kept run ${runId}: nodes ${s.cluster.nodes.join(', ')}; remove with \`${platform.cleanCommand?.(runId) ?? `faultline clean --run ${runId}`}\``,
          );
          return;
        }
        log('destroying the cluster');
        try {
          if (s.cluster) await s.cluster.destroy();
        } finally {
          await platform.reap(runId);
        }
      },
    },
    {
      title: 'node preparation',
      setup: async (s) => {
        for (const p of spec.nemesis?.prepare ?? []) await p.setup(s.ctx!, spec.system);
      },
      teardown: async (s) => {
        if (spec.keep || !s.ctx) return;
        for (const p of [...(spec.nemesis?.prepare ?? [])].reverse()) await p.teardown(s.ctx);
      },
    },
    {
      title: `${spec.system.name} setup`,
      setup: async (s) => {
        await spec.system.setup(s.ctx!);
        for (const p of spec.nemesis?.prepare ?? []) await p.settle?.(s.ctx!, spec.system);
        s.version = await spec.system.version(s.ctx!);
        log(`  ${spec.system.name} ${s.version} is up on ${s.cluster!.nodes.join(', ')}`);
        testJson({});
      },
      teardown: async (s) => {
        if (!spec.keep && s.ctx) await spec.system.teardown(s.ctx);
      },
    },
    {
      title: 'log collection',
      setup: async () => {},
      teardown: async (s) => {
        if (!s.cluster) return;
        const files = await s.cluster.collectLogs(store.logsDir, (node) => spec.system.logFiles(node));
        log(`collected ${files.length} log files`);
      },
    },
    {
      title: 'clients',
      setup: async (s) => {
        const factory = spec.system.clients[spec.workload.name];
        if (!factory) throw new Error(`${spec.system.name} has no client for workload ${spec.workload.name}`);
        s.pool = new WorkerPool({
          ctx: s.ctx!,
          clients: factory,
          concurrency: spec.concurrency,
          opTimeoutMs: spec.opTimeoutMs ?? 5000,
          ...(nemesis ? { nemesis } : {}),
        });
        await s.pool.open();
      },
      teardown: async (s) => {
        await s.pool?.close();
      },
    },
    {
      title: 'nemesis setup',
      setup: async (s) => {
        if (nemesis) await nemesis.setup(s.ctx!, spec.system);
      },
      teardown: async (s) => {
        // Heals everything; also runs (a second time, harmlessly) after a normal heal.
        if (nemesis && s.ctx) await nemesis.teardown(s.ctx);
      },
    },
    {
      title: `run (${spec.timeLimitS}s)`,
      setup: async (s, signal) => {
        const clock = createClock();
        s.clock = clock;
        progress.start(clock);
        const T = spec.timeLimitS * 1e9;
        const parts: Generator[] = [
          clients(timeLimit(T, rate(spec.rate, spec.workload.generator(workloadOptions)))),
        ];
        if (nemesis && faults.length > 0) {
          parts.push(
            onNemesis(
              timeLimit(T, nemesisSchedule(faults, spec.nemesisIntervalS * 1e9, { seed: spec.seed })),
            ),
          );
        }
        try {
          await interpret({ pool: s.pool!, generator: any(...parts), rng, clock, recorder, signal });
          if (signal.aborted) return;
          await heal(s, clock);
          const final = spec.workload.finalGenerator?.(workloadOptions);
          if (final && !signal.aborted) {
            const recoverS = spec.recoverS ?? 5;
            log(`final phase: waiting ${recoverS}s for the healed cluster to recover`);
            await abortableDelay(recoverS * 1000, signal);
            if (signal.aborted) return;
            const generator = clients(timeLimit((spec.finalTimeLimitS ?? 60) * 1e9, final));
            await interpret({ pool: s.pool!, generator, rng, clock, recorder, signal });
          }
        } finally {
          progress.stop();
        }
      },
    },
  ];

  /** Nemesis teardown, recorded as the stop op of every fault still active, so reports close them. */
  async function heal(s: RunState, clock: Clock): Promise<void> {
    if (!nemesis || !s.ctx) return;
    const active = tracker.current();
    const invokes: Op[] = active.map((k) =>
      recorder.record({
        type: 'invoke',
        process: 'nemesis',
        f: k.stop.f,
        value: k.stop.value,
        time: clock(),
      }),
    );
    log(active.length ? `healing: ${active.map((k) => k.name).join(', ')}` : 'healing');
    let error: string | undefined;
    try {
      await nemesis.teardown(s.ctx);
    } catch (e) {
      error = errorText(e);
      throw e;
    } finally {
      const seen = invokes.length > 0 ? await observePrimaries(spec.system, s.ctx) : undefined;
      for (const inv of invokes) {
        const event: Omit<Op, 'index'> = {
          type: 'info',
          process: 'nemesis',
          f: inv.f,
          value: seen ? withPrimaries(inv.value, seen) : inv.value,
          time: clock(),
        };
        event['healedBy'] = 'teardown';
        if (error !== undefined) event.error = error;
        recorder.record(event);
      }
    }
  }

  log(`faultline test ${name}: ${spec.nodes} nodes, concurrency ${spec.concurrency}, seed ${spec.seed}`);
  log(`run directory ${store.dir}`);
  const runner = new TaskRunner(tasks, {
    deadlineMs: (spec.deadlineS ?? spec.timeLimitS + 1200) * 1000,
    log,
    ...(spec.signals ? { signals: spec.signals } : {}),
  });
  const run = await runner.run(state);
  store.history.close();
  const endedAt = new Date();
  const base = { runDir: store.dir, runId, counts };
  if (run.status !== 'passed') {
    const message = run.error === undefined ? run.status : errorText(run.error);
    testJson({
      endTime: endedAt.toISOString(),
      status: run.status,
      error: message,
      stoppedIn: run.stoppedIn ?? null,
    });
    const hint = run.error instanceof FaultlineError && run.error.hint ? `\n  ${run.error.hint}` : '';
    log(`run ${run.status}${run.stoppedIn ? ` in ${run.stoppedIn}` : ''}: ${message}${hint}`);
    const exitCode =
      run.status === 'interrupted'
        ? 130
        : run.error instanceof FaultlineError && INPUT_ERROR_CODES.has(run.error.code)
          ? 254
          : 255;
    return {
      ...base,
      status: run.status,
      exitCode,
      results: [],
      ...(run.error === undefined ? {} : { error: run.error }),
    };
  }
  testJson({ endTime: endedAt.toISOString(), status: 'passed' });
  log('checking the history');
  const history: History = await readHistory(store.historyPath, { format: 'jsonl' });
  const results = await runChecks(history, [...spec.workload.checkers(workloadOptions), someOkCheck]);
  const verdict = mergeVerdicts(results.map((r) => r.valid));
  await writeReports(store.dir, history, results, {
    ...testInfo,
    nodes: state.cluster?.nodes ? [...state.cluster.nodes] : [],
    ...(state.version ? { version: state.version } : {}),
    endTime: endedAt.toISOString(),
  });
  return { ...base, status: 'passed', verdict, exitCode: exitCodeFor(verdict), results };
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
