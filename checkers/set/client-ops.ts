import type { History, Op } from '../../src/core/op.js';
import { isClientOp } from '../../src/core/op.js';
import { pairOps } from '../../src/history/pair-ops.js';

/** One client operation: its invocation, its completion and how it ended. */
export interface ClientOp {
  invoke: Op;
  /** The completion, or undefined when the op was still pending at the end of the history. */
  complete: Op | undefined;
  /** A pending op counts as `info`: it may or may not have taken effect. */
  outcome: 'ok' | 'fail' | 'info';
  /** Positions in the history array of the invocation and the completion (Infinity when pending). */
  invokedAt: number;
  completedAt: number;
}

/** The client operations of a history in invocation order; nemesis events are skipped. */
export function clientOps(history: History): ClientOp[] {
  const partner = pairOps(history);
  const out: ClientOp[] = [];
  for (let i = 0; i < history.length; i++) {
    const op = history[i]!;
    if (op.type !== 'invoke' || !isClientOp(op)) continue;
    const j = partner[i]!;
    const complete = j >= 0 ? history[j] : undefined;
    const outcome = complete === undefined ? 'info' : complete.type === 'invoke' ? 'info' : complete.type;
    out.push({ invoke: op, complete, outcome, invokedAt: i, completedAt: j >= 0 ? j : Infinity });
  }
  return out;
}
