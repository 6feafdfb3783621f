import type { History, Op } from '../../../src/core/op.js';
import { faultIntervals } from '../../../reports/fault-intervals.js';

/** Client ops that completed ok and ran entirely inside a fault window (between its start and stop). */
export function okOpsDuringFaults(history: History): Op[] {
  const windows = faultIntervals(history).map((w) => ({ ...w, end: w.end ?? Infinity }));
  const invokes = new Map<Op['process'], Op>();
  const out: Op[] = [];
  for (const op of history) {
    if (op.process === 'nemesis') continue;
    if (op.type === 'invoke') {
      invokes.set(op.process, op);
      continue;
    }
    const inv = invokes.get(op.process);
    if (op.type === 'ok' && inv && windows.some((w) => inv.time >= w.start && op.time <= w.end)) out.push(op);
  }
  return out;
}
