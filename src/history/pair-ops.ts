import { HistoryError } from '../core/errors.js';
import type { History } from '../core/op.js';
import { sourceLineOf } from './source-lines.js';

/**
 * Pairs every invocation with its completion by process. `partner[i]` is the array position of the
 * completion of invocation `i`, or of the invocation of completion `i`; -1 when there is none (an
 * invocation still pending at the end of the history, which checkers treat like `info`).
 *
 * Client processes must alternate invoke/completion; a violation throws HistoryError naming the
 * line. The nemesis is lenient: older Jepsen histories log nemesis events as bare `info` ops, which
 * stay unpaired (-1).
 */
export function pairOps(history: History): Int32Array {
  const partner = new Int32Array(history.length).fill(-1);
  const pending = new Map<number | string, number>();
  for (let i = 0; i < history.length; i++) {
    const op = history[i]!;
    const open = pending.get(op.process);
    if (op.type === 'invoke') {
      if (open !== undefined) {
        if (op.process === 'nemesis') {
          pending.set(op.process, i);
          continue;
        }
        throw new HistoryError(
          `process ${String(op.process)} invokes ${op.f} while its ${history[open]!.f} (op #${open}) is still pending`,
          { line: sourceLineOf(op), hint: 'A process runs one op at a time: complete the earlier op first.' },
        );
      }
      pending.set(op.process, i);
    } else if (open !== undefined) {
      partner[open] = i;
      partner[i] = open;
      pending.delete(op.process);
    } else if (op.process !== 'nemesis') {
      throw new HistoryError(
        `${op.type} completion of ${op.f} on process ${String(op.process)} has no invocation`,
        {
          line: sourceLineOf(op),
          hint: 'Every completion must follow an invoke by the same process.',
        },
      );
    }
  }
  return partner;
}
