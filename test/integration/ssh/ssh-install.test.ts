// The install step's apt path, a system setup that fails on one host, and packet loss, over SSH
// against stand-in hosts: what runs on a host finishes before the teardown cleans it, and nothing
// of faultline's is left on any host.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSshCluster } from '../../../src/control/ssh-cluster.js';
import { parseSshTargets } from '../../../src/control/ssh-target.js';
import type { FaultlineError } from '../../../src/core/errors.js';
import type { System, SystemContext } from '../../../src/core/system.js';
import { runTest } from '../../../src/runner/run-test.js';
import { sshPlatform } from '../../../src/runner/ssh-platform.js';
import { PACKET_START, PACKET_STOP, packetLossNemesis } from '../../../nemesis/packet-loss-nemesis.js';
import { etcd } from '../../../systems/etcd/etcd.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';
import { hostLeftovers, startSshHosts, type SshHosts } from './ssh-hosts.js';

/** A package of faultline's node tools, small, that nothing on the stand-in hosts depends on. */
const PACKAGE = 'netcat-openbsd';

describe('install, setup failure and packet loss over SSH (stand-in hosts)', () => {
  let hosts: SshHosts;
  beforeAll(async () => {
    hosts = await startSshHosts('install');
  });
  afterAll(async () => {
    await hosts?.stop();
  });

  const targets = (user: string) =>
    parseSshTargets(
      hosts.ips.map((ip, i) => ({ text: ip, where: `host ${i + 1}` })),
      { user, port: 22 },
    );

  /** etcd over SSH as the sudo user, with a short workload and no nemesis. */
  const runEtcd = (install: boolean) => {
    const t = targets(hosts.sudoUser);
    return runTest({
      system: etcd,
      workload: registerWorkload,
      nodes: t.length,
      concurrency: 3,
      timeLimitS: 3,
      nemesisIntervalS: 3,
      rate: 20,
      seed: 1,
      storeDir: mkdtempSync(join(tmpdir(), 'faultline-it-')),
      progress: 'plain',
      signals: [],
      platform: sshPlatform({
        targets: t,
        auth: { keyFile: hosts.keyFile },
        knownHostsFiles: [hosts.knownHosts],
        sudo: true,
        install,
      }),
    });
  };

  /** Nothing of faultline's on any host, and no etcd running. */
  const expectHostsClean = async (): Promise<void> => {
    for (let i = 0; i < hosts.ips.length; i++) {
      expect(await hostLeftovers(hosts, i)).toEqual([]);
      expect(await hosts.sh(i, 'pgrep -x etcd || echo none')).toBe('none');
    }
  };

  const installed = (i: number) =>
    hosts.sh(i, `dpkg-query -W -f='\${Status}' ${PACKAGE} 2>/dev/null || echo absent`);

  it(
    "apt installs a missing package from the hosts' sources; a host whose apt cannot fails the install, after every host finished, and nothing is left",
    { timeout: 240_000 },
    async () => {
      for (let i = 0; i < 3; i++) await hosts.sh(i, `dpkg -r ${PACKAGE} >/dev/null 2>&1; true`);
      for (let i = 0; i < 3; i++) expect(await installed(i)).not.toBe('install ok installed');
      // The third host's apt has no source at all: its install fails at once, the others download.
      const off =
        'mkdir -p /root/apt-off && mv /etc/apt/sources.list.d/* /root/apt-off/ && rm -rf /var/lib/apt/lists/*';
      await hosts.sh(2, off);
      try {
        const started = performance.now();
        const outcome = await runEtcd(true);
        console.log(
          `install with apt on 2 hosts, failed on 1: ${Math.round(performance.now() - started)} ms`,
        );
        expect(outcome.status).not.toBe('passed');
        expect(outcome.exitCode).toBe(255);
        const error = outcome.error as FaultlineError;
        expect(error.code).toBe('HOST_INSTALL_FAILED');
        expect(error.message).toContain(`Installing etcd on ${hosts.ips[2]} failed`);
        expect(error.message).not.toContain(hosts.ips[0]);
        expect(error.hint).toMatch(/apt sources/);
        // The other hosts' installs ran to the end before the teardown: the package is there.
        expect(await installed(0)).toBe('install ok installed');
        expect(await installed(1)).toBe('install ok installed');
        expect(await installed(2)).not.toBe('install ok installed');
        await expectHostsClean();
      } finally {
        await hosts.sh(2, 'mv /root/apt-off/* /etc/apt/sources.list.d/ && rmdir /root/apt-off');
      }
    },
  );

  it(
    "etcd's setup fails on one host after the others started it: stopped everywhere, logs collected, nothing left",
    { timeout: 240_000 },
    async () => {
      // The pid file's path is taken by a directory on the second host: its start script fails
      // after launching etcd, and must not leave that etcd running untracked.
      await hosts.sh(1, 'mkdir -p /run/faultline/etcd.pid/taken');
      const outcome = await runEtcd(false);
      expect(outcome.status).not.toBe('passed');
      const error = outcome.error as FaultlineError;
      expect(error.code).toBe('SYSTEM_START_FAILED');
      expect(error.message).toContain('cannot write /run/faultline/etcd.pid; etcd stopped');
      await expectHostsClean();
      for (const ip of [hosts.ips[0]!, hosts.ips[2]!]) {
        const dir = join(outcome.runDir, 'logs', ip);
        const files = existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
        expect(files.some((f) => f.endsWith('etcd.log'))).toBe(true);
      }
    },
  );

  it(
    'packet loss: a link drops every packet both ways, others do not, the control node still reaches the hosts; heal and teardown leave nothing',
    { timeout: 120_000 },
    async () => {
      const cluster = await connectSshCluster({
        runId: 'it-packet',
        targets: targets('root'),
        auth: { keyFile: hosts.keyFile },
        knownHostsFiles: [hosts.knownHosts],
      });
      const [a, b, c] = hosts.ips as [string, string, string];
      // Whether a TCP connection from host i to sshd on `ip` is set up within 2 s (seen outside SSH).
      const reach = (i: number, ip: string) =>
        hosts.sh(i, `timeout 2 bash -c '</dev/tcp/${ip}/22' 2>/dev/null && echo open || echo dropped`);
      const ctx: SystemContext = { cluster, options: {}, log: () => {} };
      const nemesis = packetLossNemesis();
      try {
        await nemesis.setup(ctx, { name: 'none' } as unknown as System);
        const start = await nemesis.invoke(ctx, { f: PACKET_START, value: { probability: 1, link: [a, b] } });
        expect(start.error).toBeUndefined();
        const during = await Promise.all([reach(0, b), reach(1, a), reach(0, c), reach(2, b)]);
        expect(during).toEqual(['dropped', 'dropped', 'open', 'open']);
        // faultline's own commands still reach the lossy hosts: only peers' packets are matched.
        expect((await cluster.remote.exec(a, ['true'], { timeoutMs: 10_000 })).exitCode).toBe(0);
        const stop = await nemesis.invoke(ctx, { f: PACKET_STOP, value: null });
        expect(stop.error).toBeUndefined();
        expect(await Promise.all([reach(0, b), reach(1, a)])).toEqual(['open', 'open']);
        await nemesis.teardown(ctx);
      } finally {
        await cluster.destroy();
      }
      for (let i = 0; i < 3; i++) expect(await hostLeftovers(hosts, i)).toEqual([]);
    },
  );
});
