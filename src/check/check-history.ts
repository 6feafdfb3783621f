import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkCausal } from '../../checkers/causal/check-causal.js';
import { checkLinearizability } from '../../checkers/linearizability/check-linearizability.js';
import { checkSequential } from '../../checkers/sequential/check-sequential.js';
import { checkTransactional } from '../../checkers/transactional/index.js';
import type { CheckResult } from '../core/checker.js';
import { FaultlineError } from '../core/errors.js';
import type { History, Op } from '../core/op.js';
import type { HistoryFormat } from '../history/history-format.js';
import { readHistory } from '../history/read-history.js';
import { validateHistory, type HistoryWarning } from '../history/validate-history.js';
import { resolveCheck, type CheckChoice } from './check-plan.js';
import { validateReadWriteOps, validateTxnOps } from './validate-ops.js';

export {
  CONSISTENCY_MODELS,
  DEFAULT_TXN_CONSISTENCY,
  TXN_CONSISTENCY_MODELS,
  TXN_WORKLOADS,
  resolveCheck,
  resolveModel,
  type CheckPlan,
  type ConsistencyName,
} from './check-plan.js';

/** How to check a history: the checker and its tuning (CheckChoice), and a name for messages. */
export interface CheckHistoryOptions extends CheckChoice {
  /** Name used in error messages. */
  source?: string;
}

export interface CheckHistoryOutcome {
  result: CheckResult;
  warnings: HistoryWarning[];
}

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Validates a history and checks it for the chosen consistency model. This is the one code path
 * behind `faultline check` and the library: linearizable and sequential check a --model, the
 * causal family checks read/write histories, and --txn checks transactions.
 */
export async function checkHistory(
  history: History,
  options: CheckHistoryOptions,
): Promise<CheckHistoryOutcome> {
  const plan = resolveCheck(options);
  const source = options.source;
  if (plan.kind === 'txn') {
    const { warnings } = validateHistory(history, { source });
    validateTxnOps(history, plan.workload, source);
    const result = checkTransactional(history, {
      workload: plan.workload,
      consistencyModel: plan.consistency,
      ...defined({ budget: options.budget }),
    });
    return { result, warnings };
  }
  const independent = options.independent ?? false;
  if (plan.kind === 'causal') {
    const { warnings } =
      plan.model === undefined
        ? validateHistory(history, { source })
        : validateHistory(history, { model: plan.model, independent, source });
    validateReadWriteOps(history, source);
    const result = checkCausal(history, {
      consistency: plan.consistency,
      ...defined({ keyed: plan.keyed, initial: options.modelOptions?.initial }),
    });
    return { result, warnings };
  }
  const { warnings } = validateHistory(history, { model: plan.model, independent, source });
  // Pass the name, not the resolved model: named models can be rebuilt inside worker threads.
  const model = options.model ?? plan.model;
  if (plan.kind === 'sequential') {
    const result = checkSequential(history, {
      model,
      independent,
      ...defined({ modelOptions: options.modelOptions, budget: options.budget }),
    });
    return { result, warnings };
  }
  const result = await checkLinearizability(history, {
    model,
    independent,
    ...defined({
      modelOptions: options.modelOptions,
      budget: options.budget,
      timeoutMs: options.timeoutMs,
      allFailures: options.allFailures,
      workers: options.workers,
    }),
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
