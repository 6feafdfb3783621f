import type { Workload, WorkloadOptions } from '../../src/core/workload.js';
import { checkTransactional } from '../../checkers/transactional/check-transactional.js';
import { consistencyModelFor } from './consistency-model-for.js';
import { txnGenerator } from './txn-generator.js';

const num = (options: WorkloadOptions, name: string, fallback: number): number => {
  const v = options[name];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
};

/**
 * List-append transactions (Elle): appends of unique values to lists and reads of whole lists over
 * a few rotating keys. The order of a list exposes the version order, so dependency cycles (G0, G1c,
 * G-single, G2) are found exactly; checked against the model `isolation` promises (see
 * consistencyModelFor).
 */
export const listAppendWorkload: Workload = {
  name: 'list-append',
  description:
    'transactions of appends and list reads over a few keys; checked by the transactional (Elle) checker',
  generator: (options) =>
    txnGenerator({
      write: 'append',
      activeKeys: num(options, 'keys', 5),
      maxTxnLength: num(options, 'maxTxnLength', 4),
      maxWritesPerKey: num(options, 'maxWritesPerKey', 16),
    }),
  checkers: (options) => [
    {
      name: 'transactional',
      check: (history) =>
        checkTransactional(history, {
          workload: 'list-append',
          consistencyModel: consistencyModelFor(options),
        }),
    },
  ],
};
