import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSshTargets } from '../../../src/control/ssh-target.js';
import { readHistory } from '../../../src/history/read-history.js';
import { runTest } from '../../../src/runner/run-test.js';
import { sshPlatform } from '../../../src/runner/ssh-platform.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { etcd } from '../../../systems/etcd/etcd.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';
import { okOpsDuringFaults } from '../runner/fault-windows.js';
import { hostLeftovers, startSshHosts, type SshHosts } from './ssh-hosts.js';

// etcd on three "real" hosts reached over SSH as a non-root user with sudo: the same system code,
// nemeses, history and checkers as on Docker. The hosts are containers only for want of machines.
describe('faultline test etcd over SSH (stand-in hosts)', () => {
  let hosts: SshHosts;
  beforeAll(async () => {
    hosts = await startSshHosts('etcd');
  });
  afterAll(async () => {
    await hosts?.stop();
  });

  const platform = () => {
    const targets = parseSshTargets(
      hosts.ips.map((ip, i) => ({ text: ip, where: `host ${i + 1}` })),
      { user: hosts.sudoUser, port: 22 },
    );
    return {
      nodes: targets.map((t) => t.name),
      platform: sshPlatform({
        targets,
        auth: { keyFile: hosts.keyFile },
        knownHostsFiles: [hosts.knownHosts],
        sudo: true,
      }),
    };
  };

  it(
    'partition and kill: ops succeed during faults, the verdict is valid, nothing is left on the hosts',
    { timeout: 240_000 },
    async () => {
      const { nodes, platform: ssh } = platform();
      const store = mkdtempSync(join(tmpdir(), 'faultline-it-'));
      const started = performance.now();
      const outcome = await runTest({
        system: etcd,
        workload: registerWorkload,
        nemesis: nemesisPackage(['partition', 'kill'], { nodes, partitionModes: ['one'], targets: ['one'] }),
        nodes: nodes.length,
        concurrency: 6,
        timeLimitS: 20,
        rate: 100,
        seed: 3,
        nemesisIntervalS: 3,
        opTimeoutMs: 2000,
        storeDir: store,
        progress: 'plain',
        signals: [],
        platform: ssh,
      });
      console.log(`etcd over SSH, 20 s workload: ${Math.round(performance.now() - started)} ms in all`);
      expect(outcome.status, String(outcome.error)).toBe('passed');
      expect(outcome.verdict).toBe(true);
      const history = await readHistory(join(outcome.runDir, 'history.jsonl'), { format: 'jsonl' });
      const faults = history.filter((o) => o.process === 'nemesis' && o.type === 'info').map((o) => o.f);
      expect(faults).toContain('start-partition');
      expect(faults).toContain('kill');
      expect(okOpsDuringFaults(history).length).toBeGreaterThan(20);
      for (const i of [0, 1, 2]) expect(await hostLeftovers(hosts, i)).toEqual([]);
      const { readFile } = await import('node:fs/promises');
      expect(await readFile(join(outcome.runDir, 'index.html'), 'utf8')).toMatch(
        /<dt>platform<\/dt><dd>ssh<\/dd>/,
      );
    },
  );

  it(
    '--serializable-reads: stale reads of an isolated member are found (invalid)',
    { timeout: 240_000 },
    async () => {
      const { nodes, platform: ssh } = platform();
      const store = mkdtempSync(join(tmpdir(), 'faultline-it-'));
      const outcome = await runTest({
        system: etcd,
        workload: registerWorkload,
        nemesis: nemesisPackage(['partition'], { nodes, partitionModes: ['one'] }),
        nodes: nodes.length,
        concurrency: 6,
        // Four partitions of one member, not two: one 15 s run in CI once found no stale read.
        timeLimitS: 24,
        rate: 150,
        seed: 7,
        nemesisIntervalS: 3,
        systemOptions: { serializableReads: true },
        opTimeoutMs: 1000,
        storeDir: store,
        progress: 'plain',
        signals: [],
        platform: ssh,
      });
      expect(outcome.status, String(outcome.error)).toBe('passed');
      const lin = outcome.results.find((r) => r.checker === 'linearizability')!;
      expect(lin.valid).toBe(false);
      expect(outcome.exitCode).toBe(1);
      for (const i of [0, 1, 2]) expect(await hostLeftovers(hosts, i)).toEqual([]);
    },
  );
});
