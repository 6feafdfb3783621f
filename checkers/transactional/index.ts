export { checkTransactional, type TransactionalOptions } from './check-transactional.js';
export { checkWeakIsolation } from './check-weak-isolation.js';
export { transactional } from './transactional-checker.js';
export { TRANSACTIONAL_ANOMALIES } from './transactional-anomalies.js';
export {
  CONSISTENCY_MODELS,
  MODEL_NAMES,
  prohibitedBy,
  classifyModels,
  type ConsistencyModelName,
} from './consistency-models.js';
export type { CycleStep } from './cycle-anomaly.js';
export type { TxnWorkload } from './txn-history.js';
export type { WeakLevel } from './weak-isolation.js';
