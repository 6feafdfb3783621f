import { describe, expect, it } from 'vitest';
import { mergePrivileges } from '../../../src/core/nemesis.js';

describe('mergePrivileges', () => {
  it('is empty when no package asks for anything', () => {
    expect(mergePrivileges([undefined, {}])).toEqual({});
  });

  it('unions capabilities and devices, each once, in first-seen order', () => {
    expect(
      mergePrivileges([
        { capAdd: ['SYS_ADMIN'], devices: ['/dev/fuse'] },
        undefined,
        { capAdd: ['SYS_PTRACE', 'SYS_ADMIN'] },
      ]),
    ).toEqual({ capAdd: ['SYS_ADMIN', 'SYS_PTRACE'], devices: ['/dev/fuse'] });
  });
});
