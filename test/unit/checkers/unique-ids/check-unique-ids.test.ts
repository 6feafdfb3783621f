import { describe, expect, it } from 'vitest';
import { checkUniqueIds } from '../../../../checkers/unique-ids/check-unique-ids.js';
import { call, fail, history, invoke } from '../../../support/history.js';

const gen = (p: number, id: number | string) => call(p, 'generate', null, id);

describe('checkUniqueIds', () => {
  it('accepts distinct ids', () => {
    const r = checkUniqueIds(history(...gen(0, 1), ...gen(1, 2), ...gen(0, 'a')));
    expect(r.valid).toBe(true);
    expect(r.stats).toMatchObject({ acknowledged: 3, distinct: 3 });
  });

  it('reports a duplicate with every op that returned it', () => {
    const r = checkUniqueIds(history(...gen(0, 1), ...gen(1, 2), ...gen(2, 1)));
    expect(r.valid).toBe(false);
    expect(r.anomalies).toMatchObject([{ id: 'duplicate', ops: [0, 4], value: 1 }]);
  });

  it('ignores failed generates', () => {
    const r = checkUniqueIds(history(...gen(0, 1), invoke(1, 'generate'), fail(1, 'generate', 1)));
    expect(r.valid).toBe(true);
  });

  it('is unknown without any successful generate', () => {
    expect(checkUniqueIds(history(invoke(1, 'generate'))).valid).toBe('unknown');
  });
});
