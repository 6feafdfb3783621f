import type { Anomaly } from '../../src/core/checker.js';

/** Collects anomalies, keeping at most `cap` examples of each id but counting all of them. */
export class AnomalySink {
  readonly anomalies: Anomaly[] = [];
  readonly counts = new Map<string, number>();

  constructor(private readonly cap = 8) {}

  /** True when another example of `id` would still be kept (lets callers skip building messages). */
  wants(id: string): boolean {
    return (this.counts.get(id) ?? 0) < this.cap;
  }

  add(anomaly: Anomaly): void {
    const seen = this.counts.get(anomaly.id) ?? 0;
    this.counts.set(anomaly.id, seen + 1);
    if (seen < this.cap) this.anomalies.push(anomaly);
  }

  /** Counts one more occurrence without keeping it (when the caller skipped building it). */
  count(id: string): void {
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }
}
