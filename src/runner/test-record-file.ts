import type { RunStore } from './run-store.js';
import type { TestRecord } from './test-record.js';

/** A run's test.json: written as soon as the run starts, rewritten whole (atomically) on each update. */
export class TestRecordFile {
  constructor(
    private readonly store: RunStore,
    private record: TestRecord,
  ) {
    this.write();
  }

  get current(): TestRecord {
    return this.record;
  }

  update(patch: Partial<TestRecord>): void {
    this.record = { ...this.record, ...patch };
    this.write();
  }

  private write(): void {
    this.store.writeJson('test.json', this.record);
  }
}
