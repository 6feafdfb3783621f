import { anomalyKinds, withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { Anomaly, CheckResult, Checker } from '../../src/core/checker.js';
import { FaultlineError } from '../../src/core/errors.js';
import type { Model, ModelOptions } from '../../src/core/model.js';
import type { History, Value } from '../../src/core/op.js';
import { partitionHistory, type Partition } from '../linearizability/partition-history.js';
import { models, type ModelName } from '../models/index.js';
import { valueKey } from '../models/value-key.js';
import { decideLinearizable } from '../linearizability/decide-linearizable.js';
import type { PartitionOp } from '../linearizability/partition-op.js';
import { mergeKeyOrders } from './merge-key-orders.js';
import { processSequences, type SeqOp } from './process-sequences.js';
import { sequentialSearch, type Frontier } from './sequential-search.js';
import { blockWitness, type KeyBlocks } from './block-witness.js';
import { failFreeWitness } from './fail-free-witness.js';
import { uniqueWritesOrder } from './unique-writes-order.js';
import { uniqueWritesPruning } from './unique-writes-pruning.js';
import { findUnwrittenRead } from './unwritten-reads.js';

export interface SequentialOptions {
  /** A model name from the registry, or a model object. */
  model: ModelName | Model;
  modelOptions?: ModelOptions;
  /** Values are `[key v]` and each key is its own object of the model. */
  independent?: boolean;
  /** Configurations the search may expand (per key, then again for the whole history). Default 1,000,000. */
  budget?: number;
}

export const DEFAULT_SEQUENTIAL_BUDGET = 1_000_000;

/** Every anomaly id this checker can report: the one place each is defined. */
const anomalies = anomalyKinds([
  {
    id: 'nonsequential',
    name: 'not sequentially consistent',
    description: "No total order of the ops respects every process's program order and the model.",
  },
]);

function resolveModel(model: ModelName | Model, options: ModelOptions): Model {
  if (typeof model !== 'string') return model;
  if (!Object.hasOwn(models, model)) {
    throw new FaultlineError('UNKNOWN_MODEL', `unknown model "${String(model)}"`, {
      hint: `Use one of: ${Object.keys(models).join(', ')}.`,
    });
  }
  return models[model](options);
}

/** Describes where the search got stuck, for the anomaly message. */
function describeFrontier(f: Frontier, parts: readonly Partition[]): string {
  const keyed = parts.length > 1 || parts[0]?.key !== undefined;
  const state = keyed
    ? f.states
        .map((s, i) => `${parts[i]!.key === undefined ? '' : valueKey(parts[i]!.key!)}: ${s}`)
        .join(', ')
    : (f.states[0] ?? '');
  const blocked = f.blocked
    .map(
      (b) => `process ${String(b.op.process)}'s ${b.op.f} ${valueKey(b.op.model.value)} (op #${b.op.index})`,
    )
    .join(', ');
  return (
    `the longest legal order found places ${f.placed} ops and leaves the state at ${state}; ` +
    `from there no process can continue: ${blocked || 'none'}`
  );
}

/**
 * Checks sequential consistency: some total order of all ops respects each process's program
 * order (not real time) and is legal for the model. Not compositional, so a keyed history is
 * decided as a whole; each key alone is checked first because a key without a legal order refutes
 * the history. For register, cas-register and kv with unique written values a key is decided in
 * polynomial time (see uniqueWritesOrder); otherwise by a memoised search. For the whole keyed
 * history (NP-complete even with unique values, Gibbons and Korach 1997) three witnesses are tried
 * in turn: every key linearizable (then the history is linearizable, hence SC), the per-key orders
 * merged with program order, and last the memoised search over all keys with a deterministic
 * budget, which decides or says unknown.
 */
export function checkSequential(history: History, options: SequentialOptions): CheckResult {
  const budget = options.budget ?? DEFAULT_SEQUENTIAL_BUDGET;
  if (!(Number.isFinite(budget) && budget > 0)) {
    throw new FaultlineError('BAD_ARGUMENT', `budget must be a positive number, not ${budget}`);
  }
  const modelOptions = options.modelOptions ?? {};
  const model = resolveModel(options.model, modelOptions);
  const { partitions, dropped } = partitionHistory(history, model, options.independent ?? false);
  const polynomial =
    ['register', 'cas-register', 'kv'].includes(model.name) && modelOptions.nilReadsUnknown !== true;
  const inner = model.name === 'kv' ? (v: Value): Value => (v as Value[])[1]! : (v: Value): Value => v;
  const initial = modelOptions.initial ?? null;
  const stats: Record<string, number> = {
    ops: partitions.reduce((n, p) => n + p.ops.length, 0),
    keys: partitions.length,
    explored: 0,
    keysByConstruction: 0,
    droppedFailed: dropped.failed,
    droppedCrashedReads: dropped.crashedReads,
  };
  const result = (
    valid: CheckResult['valid'],
    found: Anomaly[],
    extra: Partial<CheckResult> = {},
  ): CheckResult =>
    withAnomalyKinds(
      { checker: 'sequential', model: model.name, valid, anomalies: found, stats, ...extra },
      anomalies,
    );

  const unknownKeys: string[] = [];
  // A legal order per key, when the search found one (keys decided by construction have none).
  const keyOrders: (SeqOp[] | undefined)[] = [];
  const linearizableKeys = new Set<Partition>();
  // Each key's block order, when its written values are unique (see uniqueWritesOrder).
  const keyBlocks: (KeyBlocks | undefined)[] = [];
  for (const [i, part] of partitions.entries()) {
    const keyText = part.key === undefined ? '' : ` on key ${valueKey(part.key)}`;
    if (polynomial) {
      const unwritten = findUnwrittenRead(part.ops, initial, inner);
      if (unwritten !== undefined) {
        const { op, value } = unwritten;
        return result(false, [
          {
            id: 'nonsequential',
            message: `op #${op.index} (${op.f}, process ${String(op.process)}) needs the value ${valueKey(value)}${keyText}, which no op wrote and which is not the initial value`,
            ops: [op.index],
            key: part.key ?? null,
          },
        ]);
      }
      const o = uniqueWritesOrder(part.ops, initial, inner);
      if (!('applies' in o)) {
        if (!o.valid) {
          return result(false, [
            { id: 'nonsequential', message: `${o.message}${keyText}`, ops: o.ops, key: part.key ?? null },
          ]);
        }
        const blocks = (keyBlocks[i] = {
          blocks: o.blocks,
          segments: o.segments,
          observations: o.observations,
        });
        if (
          o.observations.length === 0 ||
          blockWitness(model, processSequences([part]), [blocks], 1, inner) !== undefined
        ) {
          stats['keysByConstruction']!++;
          keyOrders.push(undefined);
          continue;
        }
        // The failed comparisons did not fit this block order: search the key.
      }
    }
    // A linearizable key is sequentially consistent; this is usually the quickest way to know.
    const l = decideLinearizable(model, part.ops, { budget: Math.ceil(budget / 10) });
    stats['explored']! += l.explored;
    linearizableKeys.add(part);
    if (l.verdict === true) {
      keyOrders.push(undefined);
      continue;
    }
    linearizableKeys.delete(part);
    const s = sequentialSearch(model, processSequences([part]), 1, budget);
    stats['explored']! += s.explored;
    if (s.valid === false) {
      return result(false, [
        {
          id: 'nonsequential',
          message: `no legal order${keyText}: ${describeFrontier(s.frontier, [part])}`,
          ops: s.frontier.blocked.map((b) => b.op.index),
          key: part.key ?? null,
        },
      ]);
    }
    if (s.valid === 'unknown') unknownKeys.push(keyText || 'the history');
    keyOrders.push(s.valid === true ? s.order : undefined);
  }
  if (partitions.length <= 1) {
    if (unknownKeys.length > 0) {
      return result('unknown', [], {
        unknownReason: `the search budget (${budget} configurations) ran out before deciding; raise the budget`,
      });
    }
    return result(true, []);
  }
  // Keys are fine alone; sequential consistency still needs one order for all of them.
  if (unknownKeys.length > 0) {
    return result('unknown', [], {
      unknownReason:
        `the search budget (${budget} configurations) ran out${unknownKeys.join(',')} ` +
        'before its order alone was decided; raise the budget',
    });
  }
  const sequences = processSequences(partitions);
  const unique = partitions.every((_, i) => keyBlocks[i] !== undefined);
  if (unique && failFreeWitness(model, sequences, keyBlocks as KeyBlocks[], initial, inner)) {
    stats['failFreeWitness'] = 1;
    return result(true, []);
  }
  // Cheapest witness with unique values: every key's block order, merged with program order.
  if (unique && blockWitness(model, sequences, keyBlocks as KeyBlocks[], partitions.length, inner)) {
    stats['blockWitness'] = 1;
    return result(true, []);
  }
  // Next: linearizability is compositional and implies sequential consistency, so if
  // every key is linearizable (which real-time order usually makes easy), so is the whole history.
  const linearizable = partitions.every((part, i) => {
    if (linearizableKeys.has(part)) return true;
    if (keyOrders[i] !== undefined) return false; // the linearizability search already failed
    const l = decideLinearizable(model, part.ops, { budget: Math.ceil(budget / 10) });
    stats['explored']! += l.explored;
    return l.verdict === true;
  });
  if (linearizable) {
    stats['linearizableKeys'] = partitions.length;
    return result(true, []);
  }
  // Next: merge the per-key orders with program order.
  const seqOf = new Map<PartitionOp, SeqOp>();
  for (const seq of sequences) for (const x of seq) seqOf.set(x.op, x);
  const orders: SeqOp[][] = [];
  for (const [i, part] of partitions.entries()) {
    let order = keyOrders[i];
    if (order === undefined) {
      const s = sequentialSearch(model, processSequences([part]), 1, Math.ceil(budget / 10));
      stats['explored']! += s.explored;
      if (s.valid !== true) break;
      order = s.order;
    }
    orders.push(order.map((x) => seqOf.get(x.op)!));
  }
  if (orders.length === partitions.length && mergeKeyOrders(sequences, orders) !== undefined) {
    stats['mergedKeyOrders'] = 1;
    return result(true, []);
  }
  const pruning = unique ? uniqueWritesPruning(sequences, partitions, initial, inner) : undefined;
  const all = sequentialSearch(model, sequences, partitions.length, budget, pruning);
  stats['explored']! += all.explored;
  if (all.valid === true) return result(true, []);
  if (all.valid === false) {
    return result(false, [
      {
        id: 'nonsequential',
        message: `every key has a legal order alone, but no single order fits all keys: ${describeFrontier(all.frontier, partitions)}`,
        ops: all.frontier.blocked.map((b) => b.op.index),
      },
    ]);
  }
  return result('unknown', [], {
    unknownReason:
      `every key has a legal order alone, but the search for one order of all ${partitions.length} keys ` +
      `ran out of budget (${budget} configurations); raise the budget`,
  });
}

/** The sequential-consistency checker as a registry entry. */
export const sequentialChecker: Checker<SequentialOptions> = {
  name: 'sequential',
  description: "Sequential consistency: one legal total order that respects each process's program order.",
  anomalies,
  check: (history, options) => checkSequential(history, options),
};
