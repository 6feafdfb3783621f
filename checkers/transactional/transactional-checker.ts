import type { Checker } from '../../src/core/checker.js';
import { checkTransactional, type TransactionalOptions } from './check-transactional.js';
import { TRANSACTIONAL_ANOMALIES } from './transactional-anomalies.js';

/** The Elle-style transactional isolation checker, as a registry entry. */
export const transactional: Checker<TransactionalOptions> = {
  name: 'transactional',
  description:
    'Transactional isolation (Elle-style) for list-append and rw-register histories: dependency cycles, aborted/intermediate reads, and the consistency models they rule out.',
  anomalies: TRANSACTIONAL_ANOMALIES,
  check: checkTransactional,
};
