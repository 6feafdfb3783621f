import { describe, expect, it } from 'vitest';
import type { SystemClocks } from '../../../src/core/system-clocks.js';
import { clockTarget, fallbackLine } from '../../../nemesis/clock-host.js';

const clocks = (shared: Record<string, string>): SystemClocks => ({
  sharedWith: (node) => shared[node],
  shift: () => Promise.reject(new Error('not in this test')),
  strobe: () => Promise.reject(new Error('not in this test')),
  restore: () => Promise.resolve(undefined),
});

describe('clockTarget', () => {
  it('sets the system clock only where the platform offers it and the kernel is the node’s own', () => {
    expect(clockTarget(undefined, 'n1')).toEqual({ kind: 'process' });
    expect(clockTarget(clocks({}), 'h1')).toEqual({ kind: 'system' });
    expect(clockTarget(clocks({ h1: 'shared with h2' }), 'h1')).toEqual({
      kind: 'process',
      sharedWith: 'shared with h2',
    });
  });

  it('says in one line which nodes fall back to the process, and nothing on Docker or own kernels', () => {
    expect(fallbackLine(undefined, ['n1', 'n2'])).toBeUndefined();
    expect(fallbackLine(clocks({}), ['h1', 'h2'])).toBeUndefined();
    expect(fallbackLine(clocks({ h1: 'x', h3: 'y' }), ['h1', 'h2', 'h3'])).toBe(
      'clock: h1, h3 share a kernel with other machines: skewing the database process (libfaketime or ptrace) instead of the host clock',
    );
  });
});
