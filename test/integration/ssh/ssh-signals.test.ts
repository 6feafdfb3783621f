// Ctrl-C and SIGTERM in the middle of a fault, through the real CLI against stand-in hosts: the run
// stops, heals, stops the database, collects its logs and leaves nothing of faultline's on any host.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostSystemClocks } from '../../../src/control/host-system-clocks.js';
import { connectSshCluster } from '../../../src/control/ssh-cluster.js';
import { parseSshTargets } from '../../../src/control/ssh-target.js';
import type { Remote } from '../../../src/core/remote.js';
import type { System, SystemContext } from '../../../src/core/system.js';
import { clockNemesis } from '../../../nemesis/clock-nemesis.js';
import { buildOnce, root } from '../../e2e/support/build-once.js';
import { hostLeftovers, startSshHosts, type SshHosts } from './ssh-hosts.js';

interface Interrupted {
  code: number | null;
  stderr: string;
  runDir: string;
  /** What the hosts showed while the fault was on, just before the signal (one line each). */
  during: string;
}

/** Polls `check` every 100 ms until it returns a value, or fails after `timeoutMs`. */
async function until<T>(what: string, timeoutMs: number, check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs `faultline test etcd --ssh --nemesis <fault>` and sends `signal` once the history holds the
 * fault's start (the nemesis applied it); `probe` looks at every host at that moment.
 */
async function interruptDuringFault(
  hosts: SshHosts,
  fault: string,
  startF: string,
  signal: NodeJS.Signals,
  probe: string,
): Promise<Interrupted> {
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin/faultline.js'),
      'test',
      'etcd',
      '--ssh',
      '--nodes',
      hosts.ips.join(','),
      '--ssh-user',
      hosts.sudoUser,
      '--sudo',
      '--ssh-key',
      hosts.keyFile,
      '--known-hosts',
      hosts.knownHosts,
      '--nemesis',
      fault,
      '--nemesis-interval',
      '3',
      '--time-limit',
      '60',
      '--rate',
      '50',
      '--seed',
      '5',
      '--store',
      join(hosts.dir, `store-${signal}`),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const runDir = await until('the run directory', 60_000, () => /run directory (\S+)/.exec(stderr)?.[1]);
    const history = join(resolve(root, runDir), 'history.jsonl');
    // The nemesis's completion of the start op: the fault is on (it stays on for the 3 s interval).
    await until(`${startF} in the history`, 90_000, () =>
      existsSync(history) &&
      readFileSync(history, 'utf8')
        .split('\n')
        .some(
          (l) =>
            l.includes('"process":"nemesis"') && l.includes('"type":"info"') && l.includes(`"f":"${startF}"`),
        )
        ? true
        : undefined,
    );
    const during = (await Promise.all(hosts.ips.map((_, i) => hosts.sh(i, probe)))).join('\n');
    child.kill(signal);
    const code = await Promise.race([
      exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no exit')), 90_000)),
    ]);
    return { code, stderr, runDir: resolve(root, runDir), during };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** After the run: on every host no faultline rule, file or process, no stopped process, no etcd. */
async function expectHostsClean(hosts: SshHosts): Promise<void> {
  for (let i = 0; i < hosts.ips.length; i++) {
    expect(await hostLeftovers(hosts, i)).toEqual([]);
    expect(await hosts.sh(i, "ps -eo stat=,comm= | awk '$1 ~ /^T/'")).toBe('');
    expect(await hosts.sh(i, 'pgrep -x etcd || echo none')).toBe('none');
    expect(await hosts.sh(i, 'ls -a /tmp | grep -i faultline || true')).toBe('');
  }
}

/** The etcd log of every host was copied into the run directory. */
function expectLogsCollected(runDir: string, hosts: SshHosts): void {
  for (const ip of hosts.ips) {
    const dir = join(runDir, 'logs', ip);
    const files = existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
    expect(files.some((f) => f.endsWith('etcd.log'))).toBe(true);
  }
}

describe('SIGINT and SIGTERM during a fault over SSH (stand-in hosts)', () => {
  let hosts: SshHosts;
  beforeAll(async () => {
    buildOnce();
    hosts = await startSshHosts('signals');
  }, 180_000);
  afterAll(async () => {
    await hosts?.stop();
  });

  it(
    'SIGINT during a partition: exit 130, healed, etcd stopped, logs collected, nothing left',
    {
      timeout: 240_000,
    },
    async () => {
      const run = await interruptDuringFault(
        hosts,
        'partition',
        'start-partition',
        'SIGINT',
        "iptables -w -S | grep -c -- '-N faultline-' || true",
      );
      const chains = run.during.split('\n').map(Number);
      expect(Math.max(...chains), 'a faultline chain while the partition is on').toBeGreaterThan(0);
      expect(run.stderr).toMatch(/SIGINT: stopping, then cleaning up/);
      expect(run.stderr).toMatch(/run interrupted in run/);
      expect(run.code).toBe(130);
      const test = JSON.parse(readFileSync(join(run.runDir, 'test.json'), 'utf8'));
      expect(test).toMatchObject({ status: 'interrupted', platform: 'ssh' });
      expectLogsCollected(run.runDir, hosts);
      await expectHostsClean(hosts);
    },
  );

  it(
    'SIGTERM while etcd is paused: the process is resumed and stopped, exit 130, nothing left',
    {
      timeout: 240_000,
    },
    async () => {
      const run = await interruptDuringFault(
        hosts,
        'pause',
        'pause',
        'SIGTERM',
        "ps -eo stat=,comm= | awk '$1 ~ /^T/ {print $2}'",
      );
      expect(run.during.split('\n'), 'etcd stopped (state T) while paused').toContain('etcd');
      expect(run.stderr).toMatch(/SIGTERM: stopping, then cleaning up/);
      expect(run.code).toBe(130);
      expectLogsCollected(run.runDir, hosts);
      await expectHostsClean(hosts);
    },
  );

  it(
    "clock faults on hosts that share the control node's kernel: detected, never set, said so",
    {
      timeout: 120_000,
    },
    async () => {
      const targets = parseSshTargets(
        hosts.ips.map((ip, i) => ({ text: ip, where: `host ${i + 1}` })),
        { user: 'root', port: 22 },
      );
      const lines: string[] = [];
      const cluster = await connectSshCluster({
        runId: 'it-clock',
        targets,
        auth: { keyFile: hosts.keyFile },
        knownHostsFiles: [hosts.knownHosts],
        onProgress: (l) => lines.push(l),
      });
      try {
        for (const n of cluster.nodes) {
          expect(cluster.ownClock(n)).toBe(false);
          expect(cluster.clocks.sharedWith(n)).toMatch(/shared with the control node/);
        }
        expect(lines.join('\n')).toMatch(/share a kernel with the control node or each other/);
        // Every command the nemesis and the clocks send, as the SSH cluster would send it.
        const sent: string[] = [];
        const remote: Remote = {
          exec: (node, command, options) => {
            sent.push(command.join(' '));
            return cluster.remote.exec(node, command, options);
          },
          upload: (node, path, content, mode) => cluster.remote.upload(node, path, content, mode),
          download: (node, path) => cluster.remote.download(node, path),
        };
        const clocks = new HostSystemClocks(remote, cluster.sharedKernel);
        const logged: string[] = [];
        const ctx: SystemContext = {
          cluster: { runId: cluster.runId, nodes: cluster.nodes, ip: (n) => cluster.ip(n), remote, clocks },
          options: {},
          log: (l) => logged.push(l),
        };
        const system = { name: 'none' } as unknown as System;
        const nemesis = clockNemesis();
        const before = Number(await hosts.sh(0, 'date +%s%3N')) - Date.now();
        await nemesis.setup(ctx, system);
        const bump = await nemesis.invoke(ctx, {
          f: 'bump-clock',
          value: { nodes: [...cluster.nodes], deltaMs: 3_600_000 },
        });
        const strobe = await nemesis.invoke(ctx, {
          f: 'strobe-clock',
          value: { nodes: [cluster.nodes[0]!], deltaMs: 3_600_000, periodMs: 100, durationMs: 500 },
        });
        await nemesis.invoke(ctx, { f: 'reset-clock', value: null });
        await nemesis.teardown(ctx);
        expect(logged).toEqual([
          `clock: ${cluster.nodes.join(', ')} share a kernel with other machines: skewing the database process (libfaketime or ptrace) instead of the host clock`,
        ]);
        const visibility = (bump.value as { visibility: Record<string, Record<string, string>> }).visibility;
        for (const n of cluster.nodes) {
          expect(visibility[n]!.mechanism).toBe('faketime');
          expect(visibility[n]!.hostClock).toMatch(/^not set: its kernel .* is shared with the control node/);
        }
        expect(JSON.stringify(strobe.value)).toMatch(/not set: its kernel/);
        expect(sent.filter((c) => c.includes('date -u -s') || c === 'date +%s%N')).toEqual([]);
        const after = Number(await hosts.sh(0, 'date +%s%3N')) - Date.now();
        expect(Math.abs(after - before)).toBeLessThan(2000);
      } finally {
        await cluster.destroy();
      }
      for (let i = 0; i < hosts.ips.length; i++) expect(await hostLeftovers(hosts, i)).toEqual([]);
    },
  );
});
