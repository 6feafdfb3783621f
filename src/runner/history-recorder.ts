import type { Op } from '../core/op.js';

/** Where recorded events go, e.g. a JsonlHistoryWriter. */
export interface HistorySink {
  append(op: Op): void;
}

/** Numbers events densely in the order they happen and hands each to the sink and the listeners. */
export class HistoryRecorder {
  private nextIndex = 0;
  private readonly listeners: ((op: Op) => void)[] = [];

  constructor(private readonly sink: HistorySink) {}

  get count(): number {
    return this.nextIndex;
  }

  onEvent(listener: (op: Op) => void): void {
    this.listeners.push(listener);
  }

  record(event: Omit<Op, 'index'>): Op {
    const op = { index: this.nextIndex++, ...event } as Op;
    this.sink.append(op);
    for (const l of this.listeners) l(op);
    return op;
  }
}
