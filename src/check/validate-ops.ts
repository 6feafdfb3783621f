import type { TxnWorkload } from '../../checkers/transactional/index.js';
import { HistoryError } from '../core/errors.js';
import type { History, Op, Value } from '../core/op.js';
import { sourceLineOf } from '../history/source-lines.js';

function show(value: Value): string {
  const text =
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function failer(op: Op, source: string | undefined): (message: string, hint: string) => never {
  const line = sourceLineOf(op);
  const where = line === undefined ? ` (op #${op.index})` : '';
  return (message, hint) => {
    throw new HistoryError(message + where, { line, source, hint });
  };
}

/**
 * Checks the values of a transactional history with line numbers, before the checker reads it:
 * every client op is a `txn` whose value (on invoke and ok) is a list of micro-ops
 * `[write-f key value]` or `["r" key value]`, where write-f is `append` (list-append) or `w`
 * (rw-register), and a list-append read returns a list or nil.
 */
export function validateTxnOps(history: History, workload: TxnWorkload, source?: string): void {
  const writeF = workload === 'list-append' ? 'append' : 'w';
  const example = `[["${writeF}", 1, 2], ["r", 1, null]]`;
  for (const op of history) {
    if (op.process === 'nemesis') continue;
    const fail: (message: string, hint: string) => never = failer(op, source);
    if (op.f !== 'txn') {
      fail(
        `${op.type} ${op.f}: a ${workload} history has only txn ops`,
        'Use --txn only for transactional histories; a single-object history takes --model (and --consistency).',
      );
    }
    if (op.value === null && (op.type === 'fail' || op.type === 'info')) continue;
    if (!Array.isArray(op.value)) {
      fail(
        `txn value ${show(op.value)} is not a list of micro-ops`,
        `A ${workload} txn value looks like ${example}.`,
      );
    }
    for (const mop of op.value) {
      const ok = Array.isArray(mop) && mop.length === 3 && (mop[0] === writeF || mop[0] === 'r');
      if (!ok) {
        fail(
          `micro-op ${show(mop)} is not ["${writeF}" key value] or ["r" key value]`,
          `A ${workload} txn value looks like ${example}; check that --txn names the history's workload.`,
        );
      }
      const read = mop[2]!;
      if (
        workload === 'list-append' &&
        mop[0] === 'r' &&
        op.type === 'ok' &&
        read !== null &&
        !Array.isArray(read)
      ) {
        fail(
          `read of key ${show(mop[1]!)} returned ${show(read)}, not a list`,
          'A list-append read returns the list it saw, or nil.',
        );
      }
    }
  }
}

/** The causal checkers understand read and write ops only: say so with the line, instead of an unknown verdict. */
export function validateReadWriteOps(history: History, source?: string): void {
  for (const op of history) {
    if (op.process === 'nemesis' || op.f === 'read' || op.f === 'write') continue;
    failer(op, source)(
      `${op.f} op: the causal checkers understand read and write ops only`,
      'Check a history with other ops for --consistency linearizable or sequential, with the matching --model.',
    );
  }
}
