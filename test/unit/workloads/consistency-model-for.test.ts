import { describe, expect, it } from 'vitest';
import { consistencyModelFor } from '../../../workloads/list-append/consistency-model-for.js';

const base = { concurrency: 2, nodes: 1 };

describe('consistencyModelFor', () => {
  it('maps each isolation level to the model it promises', () => {
    expect(consistencyModelFor({ ...base, isolation: 'read-committed' })).toBe('read-committed');
    expect(consistencyModelFor({ ...base, isolation: 'serializable' })).toBe('serializable');
    expect(consistencyModelFor({ ...base })).toBe('serializable');
  });

  it("checks PostgreSQL's REPEATABLE READ as snapshot isolation, others as repeatable read", () => {
    expect(consistencyModelFor({ ...base, isolation: 'repeatable-read', system: 'postgres' })).toBe(
      'snapshot-isolation',
    );
    expect(consistencyModelFor({ ...base, isolation: 'repeatable-read', system: 'mariadb' })).toBe(
      'repeatable-read',
    );
  });

  it('an explicit consistencyModel wins; an unknown level is a BAD_ARGUMENT', () => {
    expect(
      consistencyModelFor({ ...base, isolation: 'serializable', consistencyModel: 'strict-serializable' }),
    ).toBe('strict-serializable');
    expect(() => consistencyModelFor({ ...base, isolation: 'chaos' })).toThrow(/isolation chaos/);
  });
});
