import { showValue } from '../models/show-value.js';
import type { CausalGraph } from './causal-graph.js';
import type { CycleStep } from './causal-order.js';

/** "process 2's read of x = 1 (op #17)", for messages. */
export function describeNode(g: CausalGraph, v: number): string {
  const what = g.isWrite[v] ? 'write' : 'read';
  const key = g.keyed ? `${showValue(g.keys[g.key[v]!]!)} ` : '';
  return `process ${String(g.processes[g.session[v]!])}'s ${what} ${key}= ${showValue(g.value[v]!)} (op #${g.opIndex[v]})`;
}

/** One sentence per step of a cycle, saying why each op comes before the next. */
export function describeCycle(g: CausalGraph, cycle: readonly CycleStep[]): string {
  return cycle
    .map((c) => {
      const a = describeNode(g, c.from);
      const b = describeNode(g, c.to);
      switch (c.kind) {
        case 'po':
          return `${a} comes before ${b} in the same process`;
        case 'wr':
          return `${b} read the value of ${a}`;
        case 'cf':
          return `${a} must be ordered before ${b}, because ${describeNode(g, c.read!)} saw ${a} in its causal past yet returned ${b}'s value`;
        default:
          return `${a} must happen before ${b}, because ${describeNode(g, c.read!)} (same process as the check) returned ${b}'s value while ${a} was already visible`;
      }
    })
    .join('; ');
}

/** History indexes of the ops on a cycle, for reports. */
export function cycleOps(g: CausalGraph, cycle: readonly CycleStep[]): number[] {
  return cycle.map((c) => g.opIndex[c.from]!);
}
