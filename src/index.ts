// The library's check entry, `faultline` and `faultline/check`: checkers, models and history readers.
// It loads no Docker code and no database driver (test/unit/cli/light-imports.test.ts keeps it so);
// running tests is `faultline/runner`.
export * from './core/index.js';

export { checkLinearizability } from '../checkers/linearizability/check-linearizability.js';
export { linearizability } from '../checkers/linearizability/linearizability.js';
export type { LinearizabilityOptions } from '../checkers/linearizability/linearizability-options.js';
export type { LinearizabilityResult } from '../checkers/linearizability/linearizability-result.js';
export type {
  Counterexample,
  CounterexampleOp,
  StuckOp,
} from '../checkers/linearizability/counterexample.js';
export type { PartitionResult } from '../checkers/linearizability/partition-result.js';
export { models, type ModelName } from '../checkers/models/index.js';

// Every other checker, and the registry of all of them by name.
export { checkers, type CheckerName } from '../checkers/index.js';
export { anomalyCatalog, type CatalogEntry } from '../checkers/anomaly-catalog.js';
export { checkSequential, type SequentialOptions } from '../checkers/sequential/check-sequential.js';
export { checkCausal, CAUSAL_CONSISTENCIES, type CausalOptions } from '../checkers/causal/check-causal.js';
export {
  checkTransactional,
  checkWeakIsolation,
  TRANSACTIONAL_ANOMALIES,
  type TransactionalOptions,
  type CycleStep,
  type TxnWorkload,
} from '../checkers/transactional/index.js';
export { checkSet } from '../checkers/set/check-set.js';
export { checkCounter, type CounterOptions } from '../checkers/counter/check-counter.js';
export { checkBank, type BankOptions } from '../checkers/bank/check-bank.js';
export { checkTotalQueue } from '../checkers/queue/check-total-queue.js';
export { checkUniqueIds } from '../checkers/unique-ids/check-unique-ids.js';

export { readHistory } from './history/read-history.js';
export { parseHistory, type ParseHistoryOptions } from './history/parse-history.js';
export { validateHistory, type ValidateOptions, type HistoryWarning } from './history/validate-history.js';
export { pairOps } from './history/pair-ops.js';
export { parseEdn } from './history/edn-parser.js';
export { serializeOp } from './history/serialize-op.js';
export { JsonlHistoryWriter, formatJsonlHistory } from './history/jsonl-history-writer.js';
export { HISTORY_FORMATS, type HistoryFormat } from './history/history-format.js';
export { TruncatedHistoryError } from './history/truncated-history-error.js';

// The same code path `faultline check` runs.
export {
  checkHistory,
  checkHistoryFile,
  type CheckHistoryOptions,
  type CheckHistoryOutcome,
} from './check/check-history.js';
export { writeCheckOutputs } from './check/write-check-outputs.js';
