import type { CausalConsistency } from '../../checkers/causal/check-causal.js';
import { models, type ModelName } from '../../checkers/models/index.js';
import {
  MODEL_NAMES as TXN_MODEL_NAMES,
  type ConsistencyModelName,
} from '../../checkers/transactional/index.js';
import type { TxnWorkload } from '../../checkers/transactional/index.js';
import { FaultlineError } from '../core/errors.js';
import { validateFailedCas } from '../core/failed-cas.js';
import type { Model, ModelOptions } from '../core/model.js';

const ALL_MODELS = Object.keys(models) as ModelName[];
/** The read/write models the causal checkers understand (a register, or keyed registers). */
const READ_WRITE_MODELS: readonly ModelName[] = ['register', 'kv'];

/** A single-object consistency model: which `--model` values it accepts, and whether one is required. */
export interface ConsistencyEntry {
  models: readonly ModelName[];
  modelRequired: boolean;
  description: string;
}

const causalEntry = (description: string): ConsistencyEntry => ({
  models: READ_WRITE_MODELS,
  modelRequired: false,
  description,
});

/** Consistency models `check` decides for single-object histories (`--consistency`), without `--txn`. */
export const CONSISTENCY_MODELS = {
  linearizable: {
    models: ALL_MODELS,
    modelRequired: true,
    description: 'one total order that respects real time and the model (default)',
  },
  sequential: {
    models: ALL_MODELS,
    modelRequired: true,
    description: "one total order that respects each process's order and the model",
  },
  causal: causalEntry('causal consistency (CC; Bouajjani et al. 2017)'),
  'causal-convergence': causalEntry('causal convergence (CCv): CC plus one order of conflicting writes'),
  'causal-memory': causalEntry("causal memory (CM): CC where each process's reads fit one write order"),
  'read-your-writes': causalEntry('session guarantee: a process sees its own writes'),
  'monotonic-reads': causalEntry('session guarantee: a process never reads an older value again'),
  'monotonic-writes': causalEntry("session guarantee: a process's writes are seen in order"),
  'writes-follow-reads': causalEntry('session guarantee: a write is seen after what its process read'),
} as const satisfies Record<string, ConsistencyEntry>;

/** Transactional workloads `check --txn` understands. */
export const TXN_WORKLOADS: readonly TxnWorkload[] = ['list-append', 'rw-register'];
/** Transactional consistency models `check --txn` decides, weakest first. */
export const TXN_CONSISTENCY_MODELS: readonly ConsistencyModelName[] = TXN_MODEL_NAMES;
/** `--consistency` without a value under `--txn`. */
export const DEFAULT_TXN_CONSISTENCY = 'serializable';

export type ConsistencyName = keyof typeof CONSISTENCY_MODELS;

/** The options that choose a checker and tune it (CheckHistoryOptions and the `check` flags). */
export interface CheckChoice {
  /**
   * The consistency model: linearizable (default), sequential, causal, causal-convergence,
   * causal-memory or a session guarantee; with `txn`, a transactional model (default serializable).
   */
  consistency?: string;
  /** A transactional workload (list-append, rw-register) instead of a single-object model. */
  txn?: string;
  /** The sequential model (required for linearizable and sequential): a name from `models`, or a Model. */
  model?: ModelName | Model;
  modelOptions?: ModelOptions;
  /** Values are `[key value]` tuples checked key by key (Jepsen's independent checker). */
  independent?: boolean;
  /** Deterministic bound: states per key (linearizable), configurations (sequential), steps per cycle class (txn). */
  budget?: number;
  /** Wall-clock limit in ms, on top of the budget (linearizable only). */
  timeoutMs?: number;
  /** Keep checking after the first refuted key, to report every failing key (linearizable only). */
  allFailures?: boolean;
  /** Worker threads for keyed histories (linearizable only). */
  workers?: number;
}

/** Which checker runs, decided from the options before the history is read. */
export type CheckPlan =
  | { kind: 'linearizable'; model: Model }
  | { kind: 'sequential'; model: Model }
  | { kind: 'causal'; consistency: CausalConsistency; model: Model | undefined; keyed: boolean | undefined }
  | { kind: 'txn'; workload: TxnWorkload; consistency: ConsistencyModelName };

/** Resolves a model name (or passes a Model through), with options applied. */
export function resolveModel(model: ModelName | Model | undefined, options: ModelOptions = {}): Model {
  if (model === undefined) {
    throw new FaultlineError('BAD_ARGUMENT', 'a model is required to check linearizability', {
      hint: `Pass --model with one of: ${ALL_MODELS.join(', ')}.`,
    });
  }
  if (typeof model !== 'string') return model;
  if (!Object.hasOwn(models, model)) {
    throw new FaultlineError('UNKNOWN_MODEL', `unknown model '${String(model)}'`, {
      hint: `Use one of: ${ALL_MODELS.join(', ')}.`,
    });
  }
  return models[model](options);
}

/** Options the chosen checker does not use: an error, so a flag never silently does nothing. */
function rejectUnused(
  choice: CheckChoice,
  what: string,
  unused: readonly (keyof CheckChoice | 'initial' | 'nilReadsUnknown' | 'failedCas')[],
): void {
  const set: Record<string, [boolean, string]> = {
    model: [choice.model !== undefined, '--model'],
    independent: [choice.independent === true, '--independent'],
    budget: [choice.budget !== undefined, '--budget'],
    timeoutMs: [choice.timeoutMs !== undefined, '--timeout'],
    allFailures: [choice.allFailures === true, '--all-failures'],
    workers: [choice.workers !== undefined, '--workers'],
    initial: [choice.modelOptions?.initial !== undefined, '--initial'],
    nilReadsUnknown: [choice.modelOptions?.nilReadsUnknown === true, '--nil-reads unknown'],
    failedCas: [choice.modelOptions?.failedCas === 'observe', '--failed-cas observe'],
  };
  const given = unused.filter((name) => set[name]?.[0]).map((name) => set[name]![1]);
  if (given.length === 0) return;
  throw new FaultlineError(
    'BAD_ARGUMENT',
    `${given.join(', ')} ${given.length === 1 ? 'does' : 'do'} not apply to ${what}`,
    {
      hint: `Drop ${given.join(' and ')}: docs/cli.md lists the options each consistency model uses.`,
    },
  );
}

function resolveTxn(choice: CheckChoice, txn: string): CheckPlan {
  if (!(TXN_WORKLOADS as readonly string[]).includes(txn)) {
    throw new FaultlineError('BAD_ARGUMENT', `unknown transactional workload '${txn}'`, {
      hint: `Use --txn with one of: ${TXN_WORKLOADS.join(', ')}.`,
    });
  }
  const consistency = choice.consistency ?? DEFAULT_TXN_CONSISTENCY;
  if (!(TXN_CONSISTENCY_MODELS as readonly string[]).includes(consistency)) {
    const closest = consistency === 'linearizable' ? ' (for transactions, strict-serializable)' : '';
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `'${consistency}' is not a transactional consistency model${closest}`,
      {
        hint: `With --txn, use --consistency with one of: ${TXN_CONSISTENCY_MODELS.join(', ')} (default ${DEFAULT_TXN_CONSISTENCY}).`,
      },
    );
  }
  rejectUnused(choice, `--txn ${txn}`, [
    'model',
    'independent',
    'timeoutMs',
    'allFailures',
    'workers',
    'initial',
    'nilReadsUnknown',
    'failedCas',
  ]);
  return { kind: 'txn', workload: txn as TxnWorkload, consistency: consistency as ConsistencyModelName };
}

/**
 * Checks the arguments before any input is read and says which checker runs: --txn picks the
 * transactional checker, otherwise --consistency (default linearizable) picks a single-object one,
 * which must accept the --model given.
 */
export function resolveCheck(choice: CheckChoice): CheckPlan {
  validateFailedCas(choice.modelOptions?.failedCas);
  if (choice.txn !== undefined) return resolveTxn(choice, choice.txn);
  const consistency = choice.consistency ?? 'linearizable';
  if (!Object.hasOwn(CONSISTENCY_MODELS, consistency)) {
    const txn = (TXN_CONSISTENCY_MODELS as readonly string[]).includes(consistency);
    throw new FaultlineError('BAD_ARGUMENT', `unknown consistency model '${consistency}'`, {
      hint: txn
        ? `'${consistency}' is a transactional model: add --txn ${TXN_WORKLOADS.join('|')}.`
        : `Use one of: ${Object.keys(CONSISTENCY_MODELS).join(', ')}; or --txn ${TXN_WORKLOADS.join('|')} with ${TXN_CONSISTENCY_MODELS.join(', ')}.`,
    });
  }
  const name = consistency as ConsistencyName;
  const entry: ConsistencyEntry = CONSISTENCY_MODELS[name];
  if (choice.model === undefined && entry.modelRequired) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `a model is required to check ${name === 'linearizable' ? 'linearizability' : `${name} consistency`}`,
      {
        hint: `Pass --model with one of: ${entry.models.join(', ')}.`,
      },
    );
  }
  const model = choice.model === undefined ? undefined : resolveModel(choice.model, choice.modelOptions);
  if (model !== undefined && !(entry.models as readonly string[]).includes(model.name)) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--consistency ${name} does not work with the ${model.name} model`,
      {
        hint: `${name} checks read/write histories: use --model ${entry.models.join(' or ')} (or leave --model out to detect [key value] values).`,
      },
    );
  }
  if (choice.modelOptions?.failedCas === 'observe' && model !== undefined && model.name !== 'cas-register') {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--failed-cas observe does not apply to the ${model.name} model`,
      {
        hint: 'Only the cas-register model has a cas that can fail; drop --failed-cas.',
      },
    );
  }
  if (name === 'linearizable') return { kind: 'linearizable', model: model! };
  if (name === 'sequential') {
    rejectUnused(choice, '--consistency sequential (it is bounded by --budget only)', [
      'timeoutMs',
      'allFailures',
      'workers',
    ]);
    return { kind: 'sequential', model: model! };
  }
  rejectUnused(choice, `--consistency ${name} (a polynomial check, with no budget)`, [
    'budget',
    'timeoutMs',
    'allFailures',
    'workers',
    'nilReadsUnknown',
    'failedCas',
  ]);
  if (choice.independent === true && model?.name === 'kv') {
    throw new FaultlineError('BAD_ARGUMENT', '--independent does not apply to the kv model', {
      hint: 'kv values are already [key value]; drop --independent.',
    });
  }
  const keyed =
    model === undefined
      ? choice.independent === true
        ? true
        : undefined
      : model.name === 'kv' || choice.independent === true;
  return { kind: 'causal', consistency: name as CausalConsistency, model, keyed };
}

// Type-level check: every consistency checkCausal decides has an entry in the table.
CONSISTENCY_MODELS satisfies Record<CausalConsistency, ConsistencyEntry>;
