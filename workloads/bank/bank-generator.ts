import type { Generator } from '../../src/core/generator.js';
import { fromFn } from '../../src/generator/from-fn.js';
import { BANK_ACCOUNTS } from './bank-accounts.js';

/** Transfers of 1..5 between two distinct random accounts, with a read of every balance one time in four. */
export function bankGenerator(accounts = BANK_ACCOUNTS): Generator {
  return fromFn((ctx) => {
    if (ctx.rng.next() < 0.25) return { f: 'read', value: null };
    const from = ctx.rng.int(accounts);
    const to = (from + 1 + ctx.rng.int(accounts - 1)) % accounts;
    return { f: 'transfer', value: { from, to, amount: 1 + ctx.rng.int(5) } };
  });
}
