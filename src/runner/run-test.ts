import { FaultlineError, INPUT_ERROR_CODES } from '../core/errors.js';
import { exitCodeFor, mergeVerdicts } from '../core/verdict.js';
import { readHistory } from '../history/read-history.js';
import { clusterTasks } from './cluster-tasks.js';
import { dockerPlatform } from './platform.js';
import { reapLeftovers } from './reap-leftovers.js';
import { runChecks, someOkCheck } from './run-checks.js';
import { openRunScope, type RunScope } from './run-scope.js';
import { TaskRunner, type TaskRunResult } from './task-runner.js';
import { testInfoOf } from './test-record.js';
import type { RunOutcome, TestSpec } from './test-spec.js';
import { errorText } from './validate-client.js';
import { clientFactoryOf, workloadTasks } from './workload-tasks.js';
import { writeReports } from './write-reports.js';

/**
 * Runs one test, the single code path of `faultline test` and the library API: images -> cluster ->
 * system -> clients + nemesis -> the generator (history recorded as it happens) -> heal -> final
 * phase -> logs -> destroy (unless keep) -> check -> reports. Cleanup runs whatever happens.
 */
export async function runTest(spec: TestSpec): Promise<RunOutcome> {
  const platform = spec.platform ?? dockerPlatform;
  // Input that cannot work (a fault this system cannot take, a workload it has no client for)
  // fails here, before anything starts.
  for (const p of spec.nemesis?.prepare ?? []) p.check(spec.system, spec.systemOptions ?? {});
  clientFactoryOf(spec);
  // Hosts that cannot be reached or logged into fail here too, before a run directory exists.
  await platform.preflight?.(spec.nodes);
  const run = openRunScope(spec, platform);
  run.log(
    `faultline test ${run.record.current.name}: ${spec.nodes} nodes, concurrency ${spec.concurrency}, seed ${spec.seed}`,
  );
  run.log(`run directory ${run.store.dir}`);
  await reapLeftovers(platform, run.log);
  const runner = new TaskRunner([...clusterTasks(run), ...workloadTasks(run)], {
    deadlineMs: (spec.deadlineS ?? spec.timeLimitS + 1200) * 1000,
    log: run.log,
    ...(spec.signals ? { signals: spec.signals } : {}),
  });
  const result = await runner.run(undefined);
  run.store.history.close();
  return result.status === 'passed' ? checkedOutcome(run) : stoppedOutcome(run, result);
}

/** A run that did not get to its end: recorded as such, not checked; exit 130, 254 (bad input) or 255. */
function stoppedOutcome(run: RunScope, result: TaskRunResult): RunOutcome {
  const message = result.error === undefined ? result.status : errorText(result.error);
  run.record.update({
    endTime: new Date().toISOString(),
    status: result.status,
    error: message,
    stoppedIn: result.stoppedIn ?? null,
  });
  const hint = result.error instanceof FaultlineError && result.error.hint ? `\n  ${result.error.hint}` : '';
  run.log(`run ${result.status}${result.stoppedIn ? ` in ${result.stoppedIn}` : ''}: ${message}${hint}`);
  const exitCode =
    result.status === 'interrupted'
      ? 130
      : result.error instanceof FaultlineError && INPUT_ERROR_CODES.has(result.error.code)
        ? 254
        : 255;
  return {
    ...outcomeBase(run),
    status: result.status,
    exitCode,
    results: [],
    ...(result.error === undefined ? {} : { error: result.error }),
  };
}

/** A run that ended as planned: its history checked by the workload's checkers, the reports written. */
async function checkedOutcome(run: RunScope): Promise<RunOutcome> {
  run.record.update({ endTime: new Date().toISOString(), status: 'passed' });
  run.log('checking the history');
  const history = await readHistory(run.store.historyPath, { format: 'jsonl' });
  const checkers = [...run.spec.workload.checkers(run.workloadOptions), someOkCheck];
  const results = await runChecks(history, checkers);
  const verdict = mergeVerdicts(results.map((r) => r.valid));
  await writeReports(run.store.dir, history, results, testInfoOf(run.record.current));
  return { ...outcomeBase(run), status: 'passed', verdict, exitCode: exitCodeFor(verdict), results };
}

function outcomeBase(run: RunScope): Pick<RunOutcome, 'runDir' | 'runId' | 'counts'> {
  return { runDir: run.store.dir, runId: run.runId, counts: run.counts };
}
