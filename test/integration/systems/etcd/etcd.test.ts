import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerEngine } from '../../../../src/control/docker-engine.js';
import { etcd } from '../../../../systems/etcd/etcd.js';
import { op, startEtcdCluster, untilOk, type EtcdCluster } from './etcd-cluster.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('etcd system (real etcd 3.4 in Docker)', () => {
  let e: EtcdCluster;
  beforeAll(async () => {
    e = await startEtcdCluster('etcd');
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('comes up as one healthy cluster with a single leader, version 3.4', { timeout: 90_000 }, async () => {
    expect(await etcd.version(e.ctx)).toMatch(/^3\.4\./);
    expect(await etcd.primaries!.primaries(e.ctx)).toHaveLength(1);
    for (const node of e.cluster.nodes) expect(await etcd.process!.pid(e.ctx, node)).toBeGreaterThan(1);
  });

  it(
    'serves the register vocabulary through every node, linearizable and serializable reads',
    { timeout: 90_000 },
    async () => {
      const [a, b, c] = await Promise.all(e.cluster.nodes.map((n) => e.client('register', n)));
      const s = await e.client('register', 'n3', { serializableReads: true });
      const sig = (): AbortSignal => AbortSignal.timeout(5000);
      expect(await a!.invoke(op('read', [7, null]), sig())).toEqual({ type: 'ok', value: [7, null] });
      expect(await a!.invoke(op('write', [7, 1]), sig())).toEqual({ type: 'ok', value: [7, 1] });
      expect(await b!.invoke(op('read', [7, null]), sig())).toEqual({ type: 'ok', value: [7, 1] });
      expect(await c!.invoke(op('cas', [7, [1, 2]]), sig())).toEqual({ type: 'ok', value: [7, [1, 2]] });
      expect(await a!.invoke(op('cas', [7, [1, 3]]), sig())).toMatchObject({
        type: 'fail',
        error: 'cas-mismatch',
      });
      expect(await a!.invoke(op('cas', [8, [0, 1]]), sig())).toMatchObject({ type: 'fail' });
      expect(await untilOk(s, op('read', [7, null]))).toEqual({ type: 'ok', value: [7, 2] });
    },
  );

  it('serves the set vocabulary: adds from every node, one sorted read', { timeout: 90_000 }, async () => {
    const clients = await Promise.all(e.cluster.nodes.map((n) => e.client('set', n)));
    let x = 10;
    for (const client of clients) {
      for (let i = 0; i < 3; i++)
        expect((await client.invoke(op('add', x--), AbortSignal.timeout(5000))).type).toBe('ok');
    }
    expect(await clients[0]!.invoke(op('read', null), AbortSignal.timeout(5000))).toEqual({
      type: 'ok',
      value: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    });
  });

  it(
    'kills and restarts a member with its data dir; it rejoins and serves',
    { timeout: 90_000 },
    async () => {
      const k = etcd.killable!;
      await k.kill(e.ctx, 'n2');
      expect(await etcd.process!.pid(e.ctx, 'n2')).toBeUndefined();
      const client = await e.client('register', 'n2');
      expect((await client.invoke(op('write', [9, 1]), AbortSignal.timeout(2000))).type).toBe('fail');
      await k.start(e.ctx, 'n2');
      expect(await untilOk(client, op('read', [7, null]))).toEqual({ type: 'ok', value: [7, 2] });
    },
  );

  it(
    'teardown stops etcd; logs are collected; destroy leaves no container or network',
    { timeout: 90_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'faultline-logs-'));
      await etcd.teardown(e.ctx);
      expect(await etcd.process!.pid(e.ctx, 'n1')).toBeUndefined();
      const files = await e.cluster.collectLogs(dir, etcd.logFiles);
      expect(files).toHaveLength(3);
      expect(readFileSync(files[0]!, 'utf8')).toMatch(/starting an etcd server/);
      await e.stop();
      const docker = await dockerEngine();
      const label = `faultline.run=${e.cluster.runId}`;
      expect(await docker.listContainers({ all: true, filters: { label: [label] } })).toEqual([]);
      expect(await docker.listNetworks({ filters: { label: [label] } })).toEqual([]);
    },
  );
});
