import type { Workload, WorkloadOptions } from '../../src/core/workload.js';
import { checkTransactional } from '../../checkers/transactional/check-transactional.js';
import { consistencyModelFor } from '../list-append/consistency-model-for.js';
import { txnGenerator } from '../list-append/txn-generator.js';

const num = (options: WorkloadOptions, name: string, fallback: number): number => {
  const v = options[name];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
};

/**
 * Read/write register transactions: writes of unique values and reads over a few rotating keys.
 * Weaker evidence than list-append (a read shows one version, not the order), so fewer cycles are
 * visible; checked against the model `isolation` promises.
 */
export const rwRegisterWorkload: Workload = {
  name: 'rw-register',
  description:
    'transactions of register writes and reads over a few keys; checked by the transactional (Elle) checker',
  generator: (options) =>
    txnGenerator({
      write: 'w',
      activeKeys: num(options, 'keys', 5),
      maxTxnLength: num(options, 'maxTxnLength', 4),
      maxWritesPerKey: num(options, 'maxWritesPerKey', 16),
    }),
  checkers: (options) => [
    {
      name: 'transactional',
      check: (history) =>
        checkTransactional(history, {
          workload: 'rw-register',
          consistencyModel: consistencyModelFor(options),
        }),
    },
  ],
};
