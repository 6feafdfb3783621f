import { txnWorkload } from '../list-append/txn-workload.js';

/**
 * Read/write register transactions: writes of unique values and reads over a few rotating keys.
 * Weaker evidence than list-append (a read shows one version, not the order), so fewer cycles are
 * visible; checked against the model `isolation` promises.
 */
export const rwRegisterWorkload = txnWorkload({
  name: 'rw-register',
  description:
    'transactions of register writes and reads over a few keys; checked by the transactional (Elle) checker',
  write: 'w',
});
