import type { History } from '../src/core/op.js';

/** Outcome counts of client operations (one per invocation). */
export interface OutcomeCounts {
  ok: number;
  fail: number;
  info: number;
  /** Invoked but never completed before the history ended (treated like info). */
  pending: number;
}

/** Sizes of a history, as results.json and the report show them. */
export interface HistoryCounts extends OutcomeCounts {
  /** Lines (events) in the history, invocations and completions of clients and nemesis. */
  events: number;
  /** Client operations (invocations). */
  ops: number;
  /** Nemesis events (invocations and completions). */
  nemesisEvents: number;
  /** Outcome counts per client f. */
  byF: Record<string, OutcomeCounts>;
}

/** Counts client operations by outcome, overall and per f, given the invocation/completion pairing. */
export function countHistory(history: History, partner: Int32Array): HistoryCounts {
  const counts: HistoryCounts = {
    events: history.length,
    ops: 0,
    ok: 0,
    fail: 0,
    info: 0,
    pending: 0,
    nemesisEvents: 0,
    byF: {},
  };
  for (let i = 0; i < history.length; i++) {
    const op = history[i]!;
    if (op.process === 'nemesis') {
      counts.nemesisEvents++;
      continue;
    }
    if (op.type !== 'invoke') continue;
    const p = partner[i]!;
    const outcome = p < 0 ? 'pending' : (history[p]!.type as 'ok' | 'fail' | 'info');
    const byF = (counts.byF[op.f] ??= { ok: 0, fail: 0, info: 0, pending: 0 });
    counts.ops++;
    counts[outcome]++;
    byF[outcome]++;
  }
  return counts;
}
