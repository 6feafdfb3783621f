// Every checker, by name: the typed registry that the library exports and the meta-test keeps in
// step with the folders of checkers/.
import type { Checker } from '../src/core/checker.js';
import { bankChecker } from './bank/check-bank.js';
import { causalChecker } from './causal/check-causal.js';
import { counterChecker } from './counter/check-counter.js';
import { linearizability } from './linearizability/linearizability.js';
import { lockChecker } from './lock/check-lock.js';
import { totalQueueChecker } from './queue/check-total-queue.js';
import { sequentialChecker } from './sequential/check-sequential.js';
import { setChecker } from './set/check-set.js';
import { transactional } from './transactional/transactional-checker.js';
import { uniqueIdsChecker } from './unique-ids/check-unique-ids.js';

/** Checkers by name; each is a pure function from a history (and its options) to a CheckResult. */
export const checkers = {
  linearizability,
  sequential: sequentialChecker,
  causal: causalChecker,
  transactional,
  set: setChecker,
  counter: counterChecker,
  bank: bankChecker,
  'total-queue': totalQueueChecker,
  'unique-ids': uniqueIdsChecker,
  lock: lockChecker,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each checker has its own options type
} satisfies Record<string, Checker<any>>;
export type CheckerName = keyof typeof checkers;
