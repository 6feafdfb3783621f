import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkLinearizability } from '../../checkers/linearizability/check-linearizability.js';
import { models, type ModelName } from '../../checkers/models/index.js';
import type { CheckResult } from '../core/checker.js';
import { FaultlineError } from '../core/errors.js';
import type { Model, ModelOptions } from '../core/model.js';
import type { History, Op } from '../core/op.js';
import type { HistoryFormat } from '../history/history-format.js';
import { readHistory } from '../history/read-history.js';
import { validateHistory, type HistoryWarning } from '../history/validate-history.js';

/** Consistency models `check` knows, and whether each is implemented yet. */
export const CONSISTENCY_MODELS = { linearizable: true } as const satisfies Record<string, boolean>;
/** Transactional checkers `check --txn` will offer; none is implemented yet. */
export const TXN_WORKLOADS = { 'list-append': false, 'rw-register': false } as const satisfies Record<
  string,
  boolean
>;

export type ConsistencyName = keyof typeof CONSISTENCY_MODELS;
export type TxnName = keyof typeof TXN_WORKLOADS;

export interface CheckHistoryOptions {
  /** The consistency model to check; default linearizable. */
  consistency?: string;
  /** A transactional workload (list-append, rw-register) instead of a single-object model. */
  txn?: string;
  /** The sequential model (required for linearizable): a name from `models`, or a Model. */
  model?: ModelName | Model;
  modelOptions?: ModelOptions;
  /** Values are `[key value]` tuples checked key by key (Jepsen's independent checker). */
  independent?: boolean;
  /** States explored before giving up with unknown (deterministic). */
  budget?: number;
  /** Wall-clock limit in ms, on top of the budget. */
  timeoutMs?: number;
  /** Keep checking after the first refuted key, to report every failing key. */
  allFailures?: boolean;
  /** Worker threads for keyed histories. */
  workers?: number;
  /** Name used in error messages. */
  source?: string;
}

export interface CheckHistoryOutcome {
  result: CheckResult;
  warnings: HistoryWarning[];
}

function available(table: Readonly<Record<string, boolean>>): string {
  return (
    Object.keys(table)
      .filter((name) => table[name])
      .join(', ') || 'none yet'
  );
}

/** Resolves a model name (or passes a Model through), with options applied. */
export function resolveModel(model: ModelName | Model | undefined, options: ModelOptions = {}): Model {
  if (model === undefined) {
    throw new FaultlineError('BAD_ARGUMENT', 'a model is required to check linearizability', {
      hint: `Pass --model with one of: ${Object.keys(models).join(', ')}.`,
    });
  }
  if (typeof model !== 'string') return model;
  const factory = (models as Record<string, (typeof models)[ModelName]>)[model];
  if (!factory) {
    throw new FaultlineError('UNKNOWN_MODEL', `unknown model '${model}'`, {
      hint: `Use one of: ${Object.keys(models).join(', ')}.`,
    });
  }
  return factory(options);
}

/** Checks the arguments before any input is read: the consistency model, --txn, and the model. */
export function resolveCheck(options: CheckHistoryOptions): Model {
  if (options.txn !== undefined) {
    const known = Object.keys(TXN_WORKLOADS);
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `transactional checking (--txn ${options.txn}) is not available yet`,
      {
        hint: known.includes(options.txn)
          ? `Transactional checkers available now: ${available(TXN_WORKLOADS)}. Planned: ${known.join(', ')}.`
          : `Known transactional workloads: ${known.join(', ')} (available now: ${available(TXN_WORKLOADS)}).`,
      },
    );
  }
  const consistency = options.consistency ?? 'linearizable';
  if (consistency !== 'linearizable') {
    throw new FaultlineError('BAD_ARGUMENT', `consistency model '${consistency}' is not available yet`, {
      hint: `Available: ${available(CONSISTENCY_MODELS)}.`,
    });
  }
  return resolveModel(options.model, options.modelOptions);
}

/**
 * Validates a history and checks it for the chosen consistency model. This is the one code path
 * behind `faultline check` and the library; other consistency models become branches here.
 */
export async function checkHistory(
  history: History,
  options: CheckHistoryOptions,
): Promise<CheckHistoryOutcome> {
  const model = resolveCheck(options);
  const { warnings } = validateHistory(history, {
    model,
    independent: options.independent ?? false,
    source: options.source,
  });
  // Pass the name, not the resolved model: named models can be rebuilt inside worker threads.
  const result = await checkLinearizability(history, {
    model: options.model ?? model,
    ...(options.modelOptions === undefined ? {} : { modelOptions: options.modelOptions }),
    ...(options.independent === undefined ? {} : { independent: options.independent }),
    ...(options.budget === undefined ? {} : { budget: options.budget }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.allFailures === undefined ? {} : { allFailures: options.allFailures }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
  });
  return { result, warnings };
}

/** A run directory stands for the history.jsonl inside it; anything else is taken as a file. */
async function historyPathOf(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return path;
  const inside = join(path, 'history.jsonl');
  if (await stat(inside).catch(() => undefined)) return inside;
  throw new FaultlineError('BAD_ARGUMENT', `${path} is a directory without a history.jsonl`, {
    hint: 'Pass a history file (.jsonl or .edn), or a run directory that holds history.jsonl.',
  });
}

/** Reads a history file (JSONL or EDN; a run directory means its history.jsonl), then runs checkHistory on it. */
export async function checkHistoryFile(
  path: string,
  options: CheckHistoryOptions & { format?: HistoryFormat; ignoreTruncated?: boolean },
): Promise<CheckHistoryOutcome & { history: Op[] }> {
  resolveCheck(options);
  const file = await historyPathOf(path);
  const history = await readHistory(file, {
    ...(options.format === undefined ? {} : { format: options.format }),
    ignoreTruncated: options.ignoreTruncated ?? false,
  });
  return { history, ...(await checkHistory(history, { ...options, source: options.source ?? file })) };
}
