import type { Workload } from '../../src/core/workload.js';
import { checkBank } from '../../checkers/bank/check-bank.js';
import { once } from '../../src/generator/from-ops.js';
import { BANK_ACCOUNTS, BANK_TOTAL } from './bank-accounts.js';
import { bankGenerator } from './bank-generator.js';

/**
 * Bank: transfers between accounts inside transactions, and reads of every balance. Every read, at
 * any isolation level that prevents lost updates and reads only committed snapshots, sums to the
 * constant total and shows no negative balance.
 */
export const bankWorkload: Workload = {
  name: 'bank',
  description: `transfers between ${BANK_ACCOUNTS} accounts and snapshot reads; every read must total ${BANK_TOTAL}, none negative`,
  generator: () => bankGenerator(),
  finalGenerator: () => once({ f: 'read', value: null }),
  checkers: () => [
    {
      name: 'bank',
      check: (history) =>
        checkBank(history, {
          total: BANK_TOTAL,
          accounts: Array.from({ length: BANK_ACCOUNTS }, (_, i) => i),
        }),
    },
  ],
};
