import { describe, expect, it } from 'vitest';
import { latencyRange } from '../../../../reports/client/latency-range.js';

describe('latencyRange', () => {
  it('spans whole decades around the completed ops, at least one', () => {
    expect(latencyRange([0.6, 2, 35], [0, 0, 1])).toEqual([0.1, 100]);
    expect(latencyRange([5], [0])).toEqual([1, 10]);
  });

  it('leaves pending ops out (their duration runs to the end of the history)', () => {
    expect(latencyRange([0.6, 5000], [0, 3])).toEqual([0.1, 1]);
  });

  it('has a range even when no op took any time', () => {
    expect(latencyRange([0, 0], [0, 2])).toEqual([0.01, 1]);
    expect(latencyRange([], [])).toEqual([0.01, 1]);
  });
});
