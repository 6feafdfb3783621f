import { availableParallelism } from 'node:os';
import { withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { Anomaly } from '../../src/core/checker.js';
import { FaultlineError } from '../../src/core/errors.js';
import type { Model, ModelOptions } from '../../src/core/model.js';
import type { History } from '../../src/core/op.js';
import { mergeVerdicts } from '../../src/core/verdict.js';
import { models, type ModelName } from '../models/index.js';
import { valueKey } from '../models/value-key.js';
import type { PartitionLimits } from './check-partition.js';
import { DEFAULT_BUDGET, type LinearizabilityOptions } from './linearizability-options.js';
import { LINEARIZABILITY_ANOMALIES } from './linearizability-anomalies.js';
import type { LinearizabilityResult } from './linearizability-result.js';
import { partitionHistory } from './partition-history.js';
import type { PartitionResult } from './partition-result.js';
import { runPartitions } from './run-partitions.js';
import { DEFAULT_CAPS } from './search-caps.js';

function resolveModel(model: ModelName | Model, options: ModelOptions): { model: Model; name?: ModelName } {
  if (typeof model !== 'string') return { model };
  if (!Object.hasOwn(models, model)) {
    throw new FaultlineError('UNKNOWN_MODEL', `unknown model "${String(model)}"`, {
      hint: `Use one of: ${Object.keys(models).join(', ')}.`,
    });
  }
  return { model: models[model](options), name: model };
}

function positive(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new FaultlineError('BAD_ARGUMENT', `${name} must be a positive number, not ${value}`);
  }
}

/**
 * Checks that a history is linearizable with respect to a model: Wing–Gong/Lowe search with
 * memoisation, each key of a keyed history on its own (in worker threads when it is large).
 */
export async function checkLinearizability(
  history: History,
  options: LinearizabilityOptions,
): Promise<LinearizabilityResult> {
  const started = Date.now();
  positive('budget', options.budget);
  positive('timeoutMs', options.timeoutMs);
  for (const [name, value] of Object.entries(options.caps ?? {})) positive(`caps.${name}`, value);
  const modelOptions = options.modelOptions ?? {};
  const { model, name } = resolveModel(options.model, modelOptions);
  const { partitions, dropped } = partitionHistory(history, model, options.independent ?? false);
  const limits: PartitionLimits = {
    budget: options.budget ?? DEFAULT_BUDGET,
    counterexample: options.counterexample ?? true,
  };
  if (options.caps !== undefined) limits.caps = { ...DEFAULT_CAPS, ...options.caps };
  if (options.timeoutMs !== undefined) limits.deadline = started + options.timeoutMs;
  const runOptions: Parameters<typeof runPartitions>[1] = {
    model,
    modelOptions,
    limits,
    workers: options.workers ?? availableParallelism(),
    stopOnFailure: !options.allFailures,
  };
  if (name !== undefined) runOptions.modelName = name;
  const raw = await runPartitions(partitions, runOptions);

  const refuted = raw.some((r) => r?.valid === false);
  const keys: PartitionResult[] = [];
  let skipped = 0;
  raw.forEach((r, i) => {
    if (r) keys.push(r);
    else if (refuted) skipped++;
    else {
      // Only a deadline leaves a key without a result when nothing was refuted.
      const part = partitions[i]!;
      const unknown: PartitionResult = {
        valid: 'unknown',
        ops: part.ops.length,
        explored: 0,
        linearized: 0,
        required: part.ops.filter((op) => op.ret !== Infinity).length,
        stoppedBy: 'timeout',
        unknownReason: 'the time limit ran out before this key was checked. Raise --timeout to check it.',
        ms: 0,
      };
      if (part.key !== undefined) unknown.key = part.key;
      keys.push(unknown);
    }
  });

  const anomalies: Anomaly[] = [];
  for (const k of keys) {
    const where = k.key === undefined ? '' : ` for key ${valueKey(k.key)}`;
    if (k.valid === false) {
      const ce = k.counterexample;
      const anomaly: Anomaly = {
        id: 'nonlinearizable',
        message:
          `no linearization of the history${where} exists` +
          (ce
            ? `: ${ce.ops.length} ops (of ${ce.originalOps}) already cannot be ordered; see the counterexample.`
            : '.'),
      };
      if (ce) anomaly['ops'] = ce.ops.map((op) => op.index);
      if (k.key !== undefined) anomaly['key'] = k.key;
      if (ce) anomaly['counterexample'] = ce;
      anomalies.push(anomaly);
    } else if (k.valid === 'unknown') {
      const anomaly: Anomaly = {
        id: `search-${k.stoppedBy ?? 'timeout'}`,
        message: `undecided${where}: ${k.unknownReason ?? 'the search stopped.'}`,
      };
      if (k.key !== undefined) anomaly['key'] = k.key;
      anomalies.push(anomaly);
    }
  }
  const valid = mergeVerdicts(keys.map((k) => k.valid));
  const result: LinearizabilityResult = {
    checker: 'linearizability',
    valid,
    model: model.name,
    anomalies,
    keys,
    skippedKeys: skipped,
    stats: {
      ops: partitions.reduce((n, p) => n + p.ops.length, 0),
      keys: partitions.length,
      keysChecked: keys.filter((k) => k.explored > 0 || k.valid !== 'unknown').length,
      explored: keys.reduce((n, k) => n + k.explored, 0),
      droppedFailed: dropped.failed,
      droppedCrashedReads: dropped.crashedReads,
      droppedUnobservedInfoWrites: dropped.unobservedInfoWrites,
      ms: Date.now() - started,
    },
  };
  const first = keys.find((k) => k.valid === false)?.counterexample;
  if (first) result.counterexample = first;
  if (valid === 'unknown') {
    const undecided = keys.filter((k) => k.valid === 'unknown');
    result.unknownReason =
      `${undecided.length} of ${partitions.length} key(s) undecided; ` +
      undecided
        .slice(0, 3)
        .map((k) => (k.key === undefined ? '' : `key ${valueKey(k.key)}: `) + (k.unknownReason ?? ''))
        .join(' ');
  }
  return withAnomalyKinds(result, LINEARIZABILITY_ANOMALIES);
}
