import { FaultlineError } from '../../src/core/errors.js';
import type { WorkloadOptions } from '../../src/core/workload.js';

/** Consistency models the transactional workloads check against. */
export type TxnConsistencyModel =
  'read-committed' | 'repeatable-read' | 'snapshot-isolation' | 'serializable' | 'strict-serializable';

/**
 * The model a run is checked against: `consistencyModel` when given, else what the `isolation`
 * level promises. PostgreSQL's REPEATABLE READ is snapshot isolation (its docs say so); for other
 * databases it is checked as Adya's repeatable read.
 */
export function consistencyModelFor(options: WorkloadOptions): TxnConsistencyModel {
  const explicit = options['consistencyModel'];
  if (typeof explicit === 'string') return explicit as TxnConsistencyModel;
  const isolation = options['isolation'] ?? 'serializable';
  switch (isolation) {
    case 'read-committed':
      return 'read-committed';
    case 'repeatable-read':
      return options['system'] === 'postgres' ? 'snapshot-isolation' : 'repeatable-read';
    case 'serializable':
      return 'serializable';
    default:
      throw new FaultlineError(
        'BAD_ARGUMENT',
        `--isolation ${String(isolation)} is not a level faultline knows.`,
        {
          hint: 'Use read-committed, repeatable-read or serializable.',
        },
      );
  }
}
