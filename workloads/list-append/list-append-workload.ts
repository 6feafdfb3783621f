import { txnWorkload } from './txn-workload.js';

/**
 * List-append transactions (Elle): appends of unique values to lists and reads of whole lists over
 * a few rotating keys. The order of a list exposes the version order, so dependency cycles (G0, G1c,
 * G-single, G2) are found exactly; checked against the model `isolation` promises (see
 * consistencyModelFor).
 */
export const listAppendWorkload = txnWorkload({
  name: 'list-append',
  description:
    'transactions of appends and list reads over a few keys; checked by the transactional (Elle) checker',
  write: 'append',
});
