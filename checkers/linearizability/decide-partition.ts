import type { Model } from '../../src/core/model.js';
import { decideLinearizable } from './decide-linearizable.js';
import type { Partition } from './partition-history.js';
import type { PartitionResult } from './partition-result.js';
import { DEFAULT_CAPS, describeCap, type SearchCaps } from './search-caps.js';
import type { SearchOutcome } from './search-outcome.js';

/** Limits of one verdict on one partition: `budget` configurations (deterministic), optional deadline and caps. */
export interface DecideLimits {
  budget: number;
  deadline?: number;
  caps?: SearchCaps;
}

/** A partition's verdict with what the search learnt, which the counterexample starts from. */
export interface KeyVerdict {
  result: PartitionResult;
  /** Partition positions of the deepest linearization the search found. */
  deepest: number[];
  /** Why an unknown verdict stopped (budget, timeout or memory). */
  stoppedBy?: SearchOutcome['stoppedBy'];
  /** Position of an op no reachable state allows, when that refuted the partition (a witness alone). */
  impossible?: number;
}

/** Why a search stopped undecided, in words, with how far it got. */
function unknownReason(outcome: SearchOutcome, limits: DecideLimits, required: number): string {
  const what =
    outcome.stoppedBy === 'timeout'
      ? 'the time limit ran out'
      : outcome.stoppedBy === 'memory' && outcome.cap !== undefined
        ? describeCap(outcome.cap, limits.caps ?? DEFAULT_CAPS)
        : `the budget of ${limits.budget} states ran out`;
  const raise =
    outcome.stoppedBy === 'memory'
      ? 'The search needs more memory than one key may use; split the history into smaller keys or runs.'
      : 'Raise --budget or --timeout to search further.';
  return (
    `${what} after exploring ${outcome.explored} states; at best ${outcome.deepestRequired} of ${required} ` +
    `required ops were linearized. ${raise}`
  );
}

/** Decides one partition synchronously, without a counterexample. Plain data in and out (worker-safe). */
export function decidePartition(model: Model, part: Partition, limits: DecideLimits): KeyVerdict {
  const started = Date.now();
  const outcome = decideLinearizable(model, part.ops, limits);
  let required = 0;
  for (const op of part.ops) if (op.ret !== Infinity) required++;
  const result: PartitionResult = {
    valid: outcome.verdict,
    ops: part.ops.length,
    explored: outcome.explored,
    linearized: outcome.deepestRequired,
    required,
    ms: 0,
  };
  if (part.key !== undefined) result.key = part.key;
  if (outcome.verdict === 'unknown') {
    result.unknownReason = unknownReason(outcome, limits, required);
    result.stoppedBy = outcome.stoppedBy ?? 'budget';
  }
  result.ms = Date.now() - started;
  // Only a refutation's counterexample starts from the deepest prefix: others need not carry it (to the main thread).
  const out: KeyVerdict = { result, deepest: outcome.verdict === false ? outcome.deepest : [] };
  if (outcome.impossible !== undefined) out.impossible = outcome.impossible;
  if (outcome.stoppedBy !== undefined) out.stoppedBy = outcome.stoppedBy;
  return out;
}
