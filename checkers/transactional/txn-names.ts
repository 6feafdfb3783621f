import type { Value } from '../../src/core/op.js';
import type { TxnHistory } from './txn-history.js';
import { showValue } from '../models/show-value.js';

/** "T<history index of the invocation>", the name messages use for txn `t`. */
export function txnName(h: TxnHistory, t: number): string {
  return `T${h.inv[t]}`;
}

/** The key of key id `k` as messages show it. */
export function keyName(h: TxnHistory, k: number): string {
  return showValue(h.keyNames[k] as Value);
}
