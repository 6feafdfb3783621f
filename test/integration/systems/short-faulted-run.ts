import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { History, Op } from '../../../src/core/op.js';
import type { System } from '../../../src/core/system.js';
import type { Workload } from '../../../src/core/workload.js';
import { dockerEngine } from '../../../src/control/docker-engine.js';
import { RUN_LABEL } from '../../../src/control/labels.js';
import { readHistory } from '../../../src/history/read-history.js';
import { runTest } from '../../../src/runner/run-test.js';
import type { NemesisPackage, RunOutcome } from '../../../src/runner/test-spec.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';
import type { NemesisPackageOptions } from '../../../nemesis/nemesis-package.js';

export interface ShortRun {
  system: System;
  workload: Workload;
  /** Fault kinds for nemesisPackage, e.g. ['partition', 'kill']. */
  nemesis: readonly string[];
  nemesisOptions?: Omit<NemesisPackageOptions, 'nodes'>;
  /** A nemesis of the test's own instead of nemesisPackage. */
  customNemesis?: (nodes: readonly string[]) => NemesisPackage;
  nodes: number;
  concurrency?: number;
  timeLimitS?: number;
  rate?: number;
  nemesisIntervalS?: number;
  seed?: number;
  systemOptions?: Record<string, unknown>;
  workloadOptions?: Record<string, unknown>;
}

export interface ShortRunResult {
  outcome: RunOutcome;
  history: History;
  /** Client ops that completed ok while some fault was active. */
  okDuringFaults: number;
  okInFaultedPeriod: number;
  /** Containers and networks of the run still present afterwards (cleanup must leave none). */
  leftovers: number;
  /** One line per checker: `<checker>: valid=<verdict> anomalies=<ids>`. */
  verdictLines: string[];
}

/** Runs one short faulted test through runTest (the CLI's code path) into a temp store and reads back its history. */
export async function shortFaultedRun(r: ShortRun): Promise<ShortRunResult> {
  const nodes = Array.from({ length: r.nodes }, (_, i) => `n${i + 1}`);
  const storeDir = mkdtempSync(join(tmpdir(), 'faultline-it-'));
  const nemesis = r.customNemesis
    ? r.customNemesis(nodes)
    : nemesisPackage(r.nemesis, { nodes, ...r.nemesisOptions });
  const outcome = await runTest({
    system: r.system,
    workload: r.workload,
    nemesis,
    nodes: r.nodes,
    concurrency: r.concurrency ?? 2 * r.nodes,
    timeLimitS: r.timeLimitS ?? 20,
    rate: r.rate ?? 50,
    seed: r.seed ?? 1,
    nemesisIntervalS: r.nemesisIntervalS ?? 4,
    storeDir,
    systemOptions: r.systemOptions ?? {},
    workloadOptions: r.workloadOptions ?? {},
    progress: process.env['CI'] ? 'plain' : 'none',
    recoverS: 3,
    signals: [],
  });
  const history = await readHistory(join(outcome.runDir, 'history.jsonl'), { format: 'jsonl' });
  const verdictLines = outcome.results.map(
    (c) =>
      `${c.checker}: valid=${String(c.valid)} anomalies=[${[...new Set(c.anomalies.map((a) => a.id))].join(',')}]`,
  );
  const docker = await dockerEngine();
  const filters = { label: [`${RUN_LABEL}=${outcome.runId}`] };
  const leftovers =
    (await docker.listContainers({ all: true, filters })).length +
    (await docker.listNetworks({ filters })).length;
  return {
    outcome,
    history,
    leftovers,
    okDuringFaults: okDuringFaults(history),
    okInFaultedPeriod: okInFaultedPeriod(history),
    verdictLines,
  };
}

const FAULT_STARTS = new Set(['start-partition', 'kill', 'pause', 'bump-clock', 'strobe-clock']);

/** Ok client completions whose invocation and completion both fall while a nemesis fault was active. */
export function okDuringFaults(history: History): number {
  let active = 0;
  const invokedUnderFault = new Map<number | string, boolean>();
  let count = 0;
  for (const op of history) {
    if (op.process === 'nemesis') {
      if (op.type === 'info') active = FAULT_STARTS.has(op.f) ? active + 1 : Math.max(0, active - 1);
      continue;
    }
    if (op.type === 'invoke') invokedUnderFault.set(op.process, active > 0);
    else if (op.type === 'ok' && active > 0 && invokedUnderFault.get(op.process)) count++;
  }
  return count;
}

/** Ok client completions after the first fault started and before the last one was healed. */
export function okInFaultedPeriod(history: History): number {
  const nemesis = history.filter((op: Op) => op.process === 'nemesis' && op.type === 'info');
  const first = nemesis.find((op) => FAULT_STARTS.has(op.f))?.time;
  const last = nemesis.at(-1)?.time;
  if (first === undefined || last === undefined) return 0;
  return history.filter(
    (op) => op.process !== 'nemesis' && op.type === 'ok' && op.time > first && op.time < last,
  ).length;
}
