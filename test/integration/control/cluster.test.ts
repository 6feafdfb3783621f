import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type DockerCluster } from '../../../src/control/docker-cluster.js';
import { dockerEngine } from '../../../src/control/docker-engine.js';
import { ensureImages } from '../../../src/control/images.js';
import { reap } from '../../../src/control/reap.js';
import { FaultlineError } from '../../../src/core/errors.js';
import { etcd } from '../../../systems/etcd/etcd.js';
import { testRunId } from '../systems/etcd/etcd-cluster.js';

describe('Docker cluster control (real engine)', () => {
  let image: string;
  let cluster: DockerCluster;

  beforeAll(async () => {
    const lines: string[] = [];
    const first = await ensureImages(etcd.image, { onProgress: (l) => lines.push(l) });
    const again = await ensureImages(etcd.image);
    console.log(
      `images: first call ${first.ms} ms (${lines.length} progress lines), cached call ${again.ms} ms`,
    );
    expect(again).toMatchObject({ base: first.base, image: first.image });
    image = first.image;
    cluster = await createCluster({ runId: testRunId('control'), nodeCount: 2, image });
  });
  afterAll(async () => {
    await cluster?.destroy();
  });

  it('labels images and containers, names nodes n1..nN with addresses in a 10.89.x.0/24', async () => {
    const docker = await dockerEngine();
    expect((await docker.getImage(image).inspect()).Config.Labels).toMatchObject({ faultline: '1' });
    const info = await docker.getContainer(cluster.containerName('n2')).inspect();
    expect(info.Config.Labels).toMatchObject({
      faultline: '1',
      'faultline.run': cluster.runId,
      'faultline.pid': String(process.pid),
      'faultline.node': 'n2',
    });
    expect(info.HostConfig.CapAdd).toContain('NET_ADMIN');
    // SYS_PTRACE only for runs whose nemesis asks for it (the clock fault).
    expect(info.HostConfig.CapAdd).not.toContain('SYS_PTRACE');
    expect(cluster.subnet).toMatch(/^10\.89\.\d+\.0\/24$/);
    expect(cluster.ip('n2')).toMatch(/^10\.89\.\d+\.12$/);
    expect((await cluster.remote.exec('n2', ['hostname'])).stdout.trim()).toBe('n2');
    expect((await cluster.remote.exec('n1', ['getent', 'hosts', 'n2'])).stdout).toContain(cluster.ip('n2'));
  });

  it('execs with output, exit code, stdin, env and a timeout that really kills', async () => {
    const r = await cluster.remote.exec('n1', ['sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(r).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
    expect((await cluster.remote.exec('n1', ['cat'], { stdin: 'in\n' })).stdout).toBe('in\n');
    expect((await cluster.remote.exec('n1', ['sh', '-c', 'echo $X'], { env: { X: 'y' } })).stdout).toBe(
      'y\n',
    );
    const slow = await cluster.remote.exec('n1', ['sleep', '30'], { timeoutMs: 1000 });
    expect(slow.exitCode).not.toBe(0);
    expect((await cluster.remote.exec('n1', ['sh', '-c', 'pgrep -x sleep | wc -l'])).stdout.trim()).toBe('1');
  });

  it('uploads and downloads files; a missing file is undefined', async () => {
    await cluster.remote.upload('n1', '/etc/faultline/deep/a.conf', 'k=v\n', 0o600);
    expect(
      (await cluster.remote.exec('n1', ['stat', '-c', '%a', '/etc/faultline/deep/a.conf'])).stdout.trim(),
    ).toBe('600');
    expect(new TextDecoder().decode(await cluster.remote.download('n1', '/etc/faultline/deep/a.conf'))).toBe(
      'k=v\n',
    );
    expect(await cluster.remote.download('n1', '/nope')).toBeUndefined();
  });

  it('collects logs per node', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-logs-'));
    const files = await cluster.collectLogs(dir, (node) => ['/etc/hostname', `/missing-${node}`]);
    expect(files).toEqual([join(dir, 'n1/hostname'), join(dir, 'n2/hostname')]);
    expect(readFileSync(files[1]!, 'utf8').trim()).toBe('n2');
    const clashing = await cluster.collectLogs(dir, () => ['/etc/hostname', '/etc/faultline/hostname']);
    expect(clashing).toEqual([join(dir, 'n1/etc_hostname'), join(dir, 'n2/etc_hostname')]);
  });

  it('reaps runs whose faultline process died, never live ones; destroy leaves nothing', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const orphan = await createCluster({ runId: testRunId('orphan'), nodeCount: 1, image, ownerPid: dead });
    const reaped = await reap();
    expect(reaped.containers).toContain(orphan.containerName('n1'));
    expect(reaped.networks).toContain(orphan.network);
    expect(reaped.containers).not.toContain(cluster.containerName('n1'));

    await cluster.destroy();
    await cluster.destroy();
    const docker = await dockerEngine();
    for (const run of [cluster.runId, orphan.runId]) {
      expect(
        await docker.listContainers({ all: true, filters: { label: [`faultline.run=${run}`] } }),
      ).toEqual([]);
      expect(await docker.listNetworks({ filters: { label: [`faultline.run=${run}`] } })).toEqual([]);
    }
    await expect(cluster.remote.exec('n1', ['true'])).rejects.toThrow(FaultlineError);
    expect(await reap({ runId: cluster.runId })).toEqual({ containers: [], networks: [] });
  });
});
