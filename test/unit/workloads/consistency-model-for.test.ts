import { describe, expect, it } from 'vitest';
import { consistencyModelFor } from '../../../workloads/list-append/consistency-model-for.js';

const base = { concurrency: 2, nodes: 1 };

describe('consistencyModelFor', () => {
  it('checks against the model the system promises, serializable when it says nothing', () => {
    expect(consistencyModelFor({ ...base, promisedModel: 'read-committed' })).toBe('read-committed');
    expect(consistencyModelFor({ ...base, promisedModel: 'snapshot-isolation' })).toBe('snapshot-isolation');
    expect(consistencyModelFor({ ...base })).toBe('serializable');
  });

  it('an explicit consistencyModel wins; a promise it cannot check is a BAD_ARGUMENT', () => {
    expect(
      consistencyModelFor({
        ...base,
        promisedModel: 'serializable',
        consistencyModel: 'strict-serializable',
      }),
    ).toBe('strict-serializable');
    expect(() => consistencyModelFor({ ...base, promisedModel: 'chaos' })).toThrow(/promises chaos/);
  });
});
