import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../../../src/core/errors.js';
import { parseSshTargets } from '../../../src/control/ssh-target.js';
import { sshPlatform } from '../../../src/runner/ssh-platform.js';

// Only what the SSH platform decides before it connects: the hosts themselves are tested in
// test/integration/ssh.
const targets = parseSshTargets(
  ['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((text, i) => ({ text, where: `host ${i + 1}` })),
  { user: 'admin', port: 22 },
);

describe('sshPlatform', () => {
  it('preflight refuses a node count other than the number of hosts, before connecting', async () => {
    const platform = sshPlatform({ targets });
    const refusal = await platform.preflight!(5).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(FaultlineError);
    expect(refusal).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect((refusal as FaultlineError).message).toBe('The test asks for 5 nodes but 3 hosts are given.');
    expect((refusal as FaultlineError).hint).toMatch(/as many hosts as nodes/);
  });

  it('names the clean command with every host as user@host:port', () => {
    expect(sshPlatform({ targets }).cleanCommand!('r1')).toBe(
      'faultline clean --ssh --nodes admin@192.0.2.1:22,admin@192.0.2.2:22,admin@192.0.2.3:22',
    );
  });
});
