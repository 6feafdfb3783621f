// The SSH platform's refusals through the real CLI: an unknown host key, a key the hosts do not
// accept, and an unreachable host each end with a clear error and exit code 254 before anything is
// installed or started on any host.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root } from '../../e2e/support/build-once.js';
import { hostLeftovers, newKeyPair, startSshHosts, type SshHosts } from './ssh-hosts.js';

interface CliRun {
  status: number | null;
  stderr: string;
}

/** `faultline test etcd --ssh ...` through bin/faultline.js, with a short run should it ever start. */
function faultlineSsh(hosts: SshHosts, nodes: string[], extra: string[]): CliRun {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'bin/faultline.js'),
      'test',
      'etcd',
      '--ssh',
      '--nodes',
      nodes.join(','),
      '--ssh-user',
      'root',
      '--time-limit',
      '5',
      '--store',
      join(hosts.dir, 'store'),
      ...extra,
    ],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: run.status, stderr: run.stderr };
}

/** Nothing of faultline's and no database on any host: no rule, file or process, no data directory. */
async function expectUntouched(hosts: SshHosts): Promise<void> {
  for (let i = 0; i < hosts.ips.length; i++) {
    expect(await hostLeftovers(hosts, i)).toEqual([]);
    expect(await hosts.sh(i, '[ -e /var/lib/faultline ] && echo present || echo absent')).toBe('absent');
  }
}

describe('SSH refusals before anything is installed (stand-in hosts)', () => {
  let hosts: SshHosts;
  beforeAll(async () => {
    buildOnce();
    hosts = await startSshHosts('errors');
  }, 180_000);
  afterAll(async () => {
    await hosts?.stop();
  });

  it('an unknown host key, with strict checking on by default', { timeout: 120_000 }, async () => {
    const empty = join(hosts.dir, 'empty_known_hosts');
    writeFileSync(empty, '');
    const run = faultlineSsh(hosts, hosts.ips, ['--ssh-key', hosts.keyFile, '--known-hosts', empty]);
    expect(run.stderr).toMatch(
      /The host key of \S+ \(ssh-\w+[^)]*\) is not in .*faultline does not connect to unknown hosts/,
    );
    expect(run.stderr).toMatch(/--no-strict-host-key-checking/);
    expect(run.status).toBe(254);
    await expectUntouched(hosts);
  });

  it('a key that the hosts do not accept', { timeout: 120_000 }, async () => {
    const wrong = join(hosts.dir, 'wrong_ed25519');
    writeFileSync(wrong, newKeyPair().private, { mode: 0o600 });
    const run = faultlineSsh(hosts, hosts.ips, ['--ssh-key', wrong, '--known-hosts', hosts.knownHosts]);
    expect(run.stderr).toMatch(/root@\S+ refused every credential offered/);
    expect(run.stderr).toMatch(/authorized_keys/);
    expect(run.status).toBe(254);
    await expectUntouched(hosts);
  });

  it('one unreachable host: the reachable ones are left alone too', { timeout: 120_000 }, async () => {
    // An address on the test's own network that no container holds.
    const unused = hosts.ips[0]!.replace(/\.\d+$/, '.250');
    const run = faultlineSsh(
      hosts,
      [hosts.ips[0]!, hosts.ips[1]!, unused],
      ['--ssh-key', hosts.keyFile, '--known-hosts', hosts.knownHosts],
    );
    expect(run.stderr).toMatch(new RegExp(`Cannot reach root@${unused.replace(/\./g, '\\.')}\\S* over SSH`));
    expect(run.stderr).toMatch(/runs sshd on port 22/);
    expect(run.status).toBe(254);
    await expectUntouched(hosts);
  });
});
