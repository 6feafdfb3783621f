import { anomalyKinds, withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { Anomaly, CheckResult, Checker } from '../../src/core/checker.js';
import { HistoryError } from '../../src/core/errors.js';
import type { History, Op, Value } from '../../src/core/op.js';
import { clientOps } from '../set/client-ops.js';
import { showValue } from '../models/show-value.js';

/** Every anomaly id this checker can report: the one place each is defined. */
const anomalies = anomalyKinds([
  {
    id: 'wrong-total',
    name: 'wrong total',
    description:
      'A read of all accounts did not add up to the total that transfers must preserve: money was created or destroyed.',
  },
  {
    id: 'negative-balance',
    name: 'negative balance',
    description: 'A read shows an account below zero, which transfers must never allow.',
  },
  {
    id: 'nil-balance',
    name: 'missing balance',
    description: 'A read has no balance (nil) for an account.',
  },
  {
    id: 'unexpected-account',
    name: 'unexpected account',
    description: 'A read shows an account that is not one of the configured accounts.',
  },
]);

export interface BankOptions {
  /** The sum of all balances; when omitted, the total of the first successful read. */
  total?: number;
  /** When true, negative balances are allowed. */
  negativeAllowed?: boolean;
  /** The accounts that exist; when given, any other account in a read is reported. */
  accounts?: readonly (string | number)[];
}

/** Balances of a read as [account, balance] pairs; accepts an object or an array of pairs. */
function balancesOf(op: Op): [string, Value][] {
  const v = op.value;
  if (Array.isArray(v)) {
    return v.map((pair) => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new HistoryError(`read (op #${op.index}) is not a map of account to balance`, {
          hint: 'A bank read returns {account: balance} or [[account, balance], ...].',
        });
      }
      return [String(pair[0]), pair[1]!];
    });
  }
  if (v !== null && typeof v === 'object') return Object.entries(v);
  throw new HistoryError(`read (op #${op.index}) is not a map of account to balance`, {
    hint: 'A bank read returns {account: balance} or [[account, balance], ...].',
  });
}

/**
 * Checks a bank workload: `transfer {from, to, amount}` ops and `read` ops returning every
 * account's balance. Each ok read must sum to the total and, unless allowed, have no negative
 * balance. Transfers are not replayed: conservation is a property of every snapshot.
 */
export function checkBank(history: History, options: BankOptions = {}): CheckResult {
  const ops = clientOps(history);
  const reads = ops.filter((o) => o.invoke.f === 'read' && o.outcome === 'ok');
  const transfers = ops.filter((o) => o.invoke.f === 'transfer');
  const known = options.accounts === undefined ? undefined : new Set(options.accounts.map(String));
  let total = options.total;
  const found: Anomaly[] = [];
  for (const r of reads) {
    const at = r.invoke.index;
    let sum = 0;
    let complete = true;
    for (const [account, balance] of balancesOf(r.complete!)) {
      if (known !== undefined && !known.has(account)) {
        found.push({
          id: 'unexpected-account',
          message: `read shows account ${account}, which does not exist`,
          ops: [at],
          account,
        });
      }
      if (balance === null) {
        complete = false;
        found.push({
          id: 'nil-balance',
          message: `read has no balance for account ${account}`,
          ops: [at],
          account,
        });
        continue;
      }
      const n = typeof balance === 'bigint' ? Number(balance) : balance;
      if (typeof n !== 'number') {
        throw new HistoryError(
          `read (op #${at}) has non-numeric balance ${showValue(balance)} for ${account}`,
        );
      }
      sum += n;
      if (n < 0 && options.negativeAllowed !== true) {
        found.push({
          id: 'negative-balance',
          message: `read shows account ${account} at ${n}`,
          ops: [at],
          account,
          balance: n,
        });
      }
    }
    if (!complete) continue;
    total ??= sum;
    if (sum !== total) {
      found.push({
        id: 'wrong-total',
        message: `read balances sum to ${sum}, not ${total}`,
        ops: [at],
        total: sum,
        expected: total,
      });
    }
  }
  const result: CheckResult = {
    checker: 'bank',
    valid: found.length === 0,
    anomalies: found,
    stats: {
      reads: reads.length,
      transfers: transfers.length,
      okTransfers: transfers.filter((t) => t.outcome === 'ok').length,
    },
  };
  if (reads.length === 0) {
    result.valid = 'unknown';
    result.unknownReason = 'the history has no successful read, so nothing can be checked';
  }
  return withAnomalyKinds(result, anomalies);
}

/** The bank checker as a registry entry. */
export const bankChecker: Checker<BankOptions> = {
  name: 'bank',
  description: 'Transfers between accounts: every read conserves the total and has no negative balance.',
  anomalies,
  check: (history, options) => checkBank(history, options),
};
