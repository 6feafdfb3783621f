import { FaultlineError } from '../../src/core/errors.js';
import type { WorkloadOptions } from '../../src/core/workload.js';

/** Consistency models the transactional workloads check against. */
export type TxnConsistencyModel =
  'read-committed' | 'repeatable-read' | 'snapshot-isolation' | 'serializable' | 'strict-serializable';

const PROMISABLE: readonly string[] = [
  'read-committed',
  'repeatable-read',
  'snapshot-isolation',
  'serializable',
  'strict-serializable',
];

/**
 * The model a run is checked against: `consistencyModel` (the --consistency-model flag) when given,
 * else `promisedModel`, what the system says its configuration promises (System.promises), else
 * serializable.
 */
export function consistencyModelFor(options: WorkloadOptions): TxnConsistencyModel {
  const explicit = options['consistencyModel'];
  if (typeof explicit === 'string') return explicit as TxnConsistencyModel;
  const promised = options['promisedModel'] ?? 'serializable';
  if (typeof promised === 'string' && PROMISABLE.includes(promised)) return promised as TxnConsistencyModel;
  throw new FaultlineError(
    'BAD_ARGUMENT',
    `The system promises ${String(promised)}, a model the transactional workloads cannot check.`,
    { hint: `Its promises() must name one of: ${PROMISABLE.join(', ')}; or pass --consistency-model.` },
  );
}
