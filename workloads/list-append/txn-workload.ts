import type { Workload, WorkloadOptions } from '../../src/core/workload.js';
import { checkTransactional } from '../../checkers/transactional/check-transactional.js';
import type { TxnWorkload } from '../../checkers/transactional/txn-history.js';
import { consistencyModelFor } from './consistency-model-for.js';
import { txnGenerator } from './txn-generator.js';

/** What tells one transactional workload from the other: its name, its write micro-op and its help text. */
export interface TxnWorkloadSpec {
  name: TxnWorkload;
  description: string;
  write: 'append' | 'w';
}

const num = (options: WorkloadOptions, name: string, fallback: number): number => {
  const v = options[name];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
};

/**
 * An Elle-style transactional workload: txnGenerator transactions (options `keys`, `maxTxnLength`,
 * `maxWritesPerKey`) checked by the transactional checker against the model `isolation` promises.
 */
export function txnWorkload(spec: TxnWorkloadSpec): Workload {
  return {
    name: spec.name,
    description: spec.description,
    generator: (options) =>
      txnGenerator({
        write: spec.write,
        activeKeys: num(options, 'keys', 5),
        maxTxnLength: num(options, 'maxTxnLength', 4),
        maxWritesPerKey: num(options, 'maxWritesPerKey', 16),
      }),
    checkers: (options) => [
      {
        name: 'transactional',
        check: (history) =>
          checkTransactional(history, {
            workload: spec.name,
            consistencyModel: consistencyModelFor(options),
          }),
      },
    ],
  };
}
