import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKETIME_FILE, FAKETIME_INIT, faketimeEnv } from '../../../src/control/faketime.js';
import { clockNemesis } from '../../../nemesis/clock-nemesis.js';
import type { Nemesis } from '../../../src/core/nemesis.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { etcd } from '../../../systems/etcd/etcd.js';
import { ETCD_LOG } from '../../../systems/etcd/etcd-paths.js';
import { waitHealthy } from '../../../systems/etcd/etcd-health.js';
import { op, startEtcdCluster, untilOk, type EtcdCluster } from '../systems/etcd/etcd-cluster.js';

const T = 90_000;

describe('nemeses against a real etcd cluster', () => {
  let e: EtcdCluster;
  let nemesis: Nemesis;
  const sh = async (node: string, script: string): Promise<string> =>
    (await e.cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 10_000 })).stdout.trim();
  const state = (node: string, pid: number): Promise<string> => sh(node, `cut -d' ' -f3 /proc/${pid}/stat`);
  /** The timestamp etcd writes (zap `ts`) on the log line of a defragmentation it runs now, ms. */
  const etcdLogTime = async (node: string): Promise<number> => {
    const line = await sh(
      node,
      `etcdctl --endpoints=http://127.0.0.1:2379 defrag >/dev/null && grep -i defrag ${ETCD_LOG} | tail -1`,
    );
    return Date.parse((JSON.parse(line) as { ts: string }).ts);
  };

  beforeAll(async () => {
    const pkg = nemesisPackage(['partition', 'kill', 'pause', 'clock'], { nodes: ['n1', 'n2', 'n3'] });
    e = await startEtcdCluster('nemesis', 3, pkg.privileges);
    nemesis = pkg.nemesis;
    await nemesis.setup(e.ctx, etcd);
  });
  afterAll(async () => {
    await e?.stop();
  });

  it(
    'a partition isolating one node: writes through it do not succeed, the majority still serves; heal restores it',
    async () => {
      const before = await e.client('register', 'n2');
      expect(await untilOk(before, op('write', [1, 50]))).toMatchObject({ type: 'ok' });
      const stale = await e.client('register', 'n1', { serializableReads: true });
      expect(await untilOk(stale, op('read', [1, null]))).toEqual({ type: 'ok', value: [1, 50] });
      const grudge = { n1: ['n2', 'n3'], n2: ['n1'], n3: ['n1'] };
      const r = await nemesis.invoke(e.ctx, { f: 'start-partition', value: { mode: 'one', grudge } });
      expect(r).toEqual({ type: 'info', value: { mode: 'one', grudge } });
      expect(await sh('n2', 'iptables -S faultline-partition')).toContain(
        `-A faultline-partition -s ${e.cluster.ip('n1')}/32 -j DROP`,
      );
      const isolated = await e.client('register', 'n1');
      const majority = await e.client('register', 'n2');
      const w = await isolated.invoke(op('write', [1, 100]), AbortSignal.timeout(3000));
      expect(w.type).not.toBe('ok');
      expect(await untilOk(majority, op('write', [1, 200]))).toMatchObject({ type: 'ok' });
      expect((await isolated.invoke(op('read', [1, null]), AbortSignal.timeout(3000))).type).toBe('fail');
      // A serializable read is served locally by the cut-off member: stale, which is what etcd promises.
      expect(await stale.invoke(op('read', [1, null]), AbortSignal.timeout(3000))).toEqual({
        type: 'ok',
        value: [1, 50],
      });

      const healed = await nemesis.invoke(e.ctx, { f: 'stop-partition', value: null });
      expect(healed.value).toEqual({ healed: ['n1', 'n2', 'n3'] });
      expect(await sh('n1', 'iptables -S | grep -c DROP || true')).toBe('0');
      expect(await untilOk(isolated, op('read', [1, null]))).toMatchObject({ type: 'ok' });
    },
    T,
  );

  it(
    'a primary partition isolates the current leader and records it',
    async () => {
      const [leader] = await etcd.primaries!.primaries(e.ctx);
      const r = await nemesis.invoke(e.ctx, { f: 'start-partition', value: { mode: 'primary' } });
      const v = r.value as { primary: string; grudge: Record<string, string[]> };
      expect(v.primary).toBe(leader);
      expect(v.grudge[leader!]).toHaveLength(2);
      await nemesis.invoke(e.ctx, { f: 'stop-partition', value: null });
      await waitHealthy(e.ctx, e.cluster.nodes, 30_000);
    },
    T,
  );

  it(
    'kill -9 takes the member down; start brings it back with its data',
    async () => {
      const r = await nemesis.invoke(e.ctx, { f: 'kill', value: ['n3'] });
      expect(r).toEqual({ type: 'info', value: { killed: ['n3'] } });
      expect(await etcd.process!.pid(e.ctx, 'n3')).toBeUndefined();
      const client = await e.client('register', 'n3');
      expect((await client.invoke(op('write', [2, 1]), AbortSignal.timeout(2000))).type).toBe('fail');
      expect(await nemesis.invoke(e.ctx, { f: 'start', value: null })).toEqual({
        type: 'info',
        value: { started: ['n3'] },
      });
      expect(await untilOk(client, op('read', [1, null]))).toMatchObject({ type: 'ok' });
    },
    T,
  );

  it(
    'pause stops the process (state T) and resume continues it',
    async () => {
      const pid = (await etcd.process!.pid(e.ctx, 'n2'))!;
      expect(await nemesis.invoke(e.ctx, { f: 'pause', value: ['n2'] })).toEqual({
        type: 'info',
        value: { paused: ['n2'] },
      });
      expect(await state('n2', pid)).toBe('T');
      const client = await e.client('register', 'n2');
      expect((await client.invoke(op('read', [1, null]), AbortSignal.timeout(1500))).type).toBe('fail');
      await nemesis.invoke(e.ctx, { f: 'resume', value: null });
      expect(await state('n2', pid)).not.toBe('T');
      expect(await untilOk(client, op('read', [1, null]))).toMatchObject({ type: 'ok' });
    },
    T,
  );

  it(
    'clock bump on etcd (a Go binary) goes through ptrace: etcd itself and its log timestamps see it; reset makes it true, same process',
    async () => {
      const pid = await etcd.process!.pid(e.ctx, 'n1');
      const r = await nemesis.invoke(e.ctx, {
        f: 'bump-clock',
        value: { nodes: ['n1'], deltaMs: 3_600_000 },
      });
      const v = (r.value as { visibility: Record<string, Record<string, unknown>> }).visibility.n1!;
      expect(v).toMatchObject({ mechanism: 'ptrace', patched: true, visible: 'yes', pid });
      expect(Math.abs((v.realtimeSkewMs as number) - 3_600_000)).toBeLessThan(250);
      expect(Math.abs(v.monotonicSkewMs as number)).toBeLessThan(250);
      // etcd's own notion of time: the timestamp zap writes on the log line of a defragmentation.
      expect((await etcdLogTime('n1')) - Date.now()).toBeGreaterThan(3_600_000 - 10_000);
      expect((await etcdLogTime('n1')) - Date.now()).toBeLessThan(3_600_000 + 10_000);
      const strobe = await nemesis.invoke(e.ctx, {
        f: 'strobe-clock',
        value: { nodes: ['n2'], deltaMs: -5000, periodMs: 50, durationMs: 60_000 },
      });
      expect(strobe.value).toMatchObject({ nodes: ['n2'], deltaMs: -5000 });
      expect((strobe.value as { visibility: Record<string, object> }).visibility.n2).toMatchObject({
        mechanism: 'ptrace',
        visible: 'yes',
      });
      expect(await sh('n2', 'test -f /run/faultline/clock-strobe.pid && echo running')).toBe('running');
      await nemesis.invoke(e.ctx, { f: 'reset-clock', value: null });
      expect(await sh('n1', `cat ${FAKETIME_FILE}`)).toBe('+0.000');
      expect(await sh('n2', 'test -f /run/faultline/clock-strobe.pid && echo running || echo stopped')).toBe(
        'stopped',
      );
      expect(await etcd.process!.pid(e.ctx, 'n1')).toBe(pid);
      expect(Math.abs((await etcdLogTime('n1')) - Date.now())).toBeLessThan(10_000);
      const probe = await sh('n1', `faultline-clock probe ${pid}`);
      expect(probe).toContain('patched=0');
      expect(Math.abs(Number(/realtime_skew_ns=(-?\d+)/.exec(probe)![1]) / 1e6)).toBeLessThan(250);
    },
    T,
  );

  it(
    'a monotonic skew reaches the etcd leader: a lease lives longer while its monotonic clock runs 60 s behind',
    async () => {
      const [leader] = await etcd.primaries!.primaries(e.ctx);
      const ctl = `etcdctl --endpoints=http://127.0.0.1:2379`;
      const lease = /lease ([0-9a-f]+) granted/.exec(await sh(leader!, `${ctl} lease grant 20`))![1]!;
      const remaining = async (): Promise<number> =>
        Number(/remaining\((-?\d+)s\)/.exec(await sh(leader!, `${ctl} lease timetolive ${lease}`))![1]);
      const r = await nemesis.invoke(e.ctx, {
        f: 'bump-clock',
        value: { nodes: [leader!], deltaMs: -60_000, monotonic: true },
      });
      const v = (r.value as { visibility: Record<string, Record<string, unknown>> }).visibility[leader!]!;
      expect(v).toMatchObject({ mechanism: 'ptrace', visible: 'yes' });
      expect(Math.abs((v.monotonicSkewMs as number) + 60_000)).toBeLessThan(250);
      expect(await remaining()).toBeGreaterThan(60);
      await nemesis.invoke(e.ctx, { f: 'reset-clock', value: null });
      expect(await remaining()).toBeLessThanOrEqual(20);
      await waitHealthy(e.ctx, e.cluster.nodes, 30_000);
    },
    T,
  );

  it(
    'clock bump on a libc program started under libfaketime: the result says it is visible',
    async () => {
      const env = Object.entries(faketimeEnv())
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      await sh(
        'n3',
        `${FAKETIME_INIT}; env ${env} setsid sleep 1000 >/dev/null 2>&1 </dev/null & echo $! > /tmp/sleep.pid`,
      );
      const sleeper = { ...etcd, process: { pid: async () => Number(await sh('n3', 'cat /tmp/sleep.pid')) } };
      const clock = clockNemesis();
      await clock.setup(e.ctx, sleeper);
      const r = await clock.invoke(e.ctx, { f: 'bump-clock', value: { nodes: ['n3'], deltaMs: -45_000 } });
      const v = (r.value as { visibility: Record<string, Record<string, unknown>> }).visibility.n3!;
      expect(v).toMatchObject({ preloaded: true, loaded: true, goBinary: false, visible: 'yes' });
      await clock.teardown(e.ctx);
      await sh('n3', 'kill $(cat /tmp/sleep.pid)');
    },
    T,
  );

  it(
    'teardown heals everything, and is safe to call twice',
    async () => {
      // A rule of the host's own firewall: faultline's heal must leave it alone.
      await sh('n2', 'iptables -w -A INPUT -s 192.0.2.7 -j DROP');
      const pid = (await etcd.process!.pid(e.ctx, 'n1'))!;
      await nemesis.invoke(e.ctx, { f: 'start-partition', value: 'halves' });
      await nemesis.invoke(e.ctx, { f: 'pause', value: ['n1'] });
      await nemesis.invoke(e.ctx, { f: 'kill', value: ['n3'] });
      await nemesis.invoke(e.ctx, {
        f: 'strobe-clock',
        value: { nodes: ['n2'], deltaMs: 9000, durationMs: 60_000 },
      });
      await nemesis.teardown(e.ctx);
      await nemesis.teardown(e.ctx);
      expect(await sh('n2', 'iptables -S INPUT')).toContain('-A INPUT -s 192.0.2.7/32 -j DROP');
      await sh('n2', 'iptables -w -D INPUT -s 192.0.2.7 -j DROP');
      for (const node of e.cluster.nodes) {
        expect(await sh(node, 'iptables -S | grep -c DROP || true')).toBe('0');
        expect(await sh(node, 'iptables -S | grep -c faultline- || true')).toBe('0');
        expect(
          await sh(
            node,
            `cat ${FAKETIME_FILE}; test -f /run/faultline/strobe.pid -o -f /run/faultline/clock-strobe.pid && echo strobing || true`,
          ),
        ).toBe('+0.000');
      }
      expect(await state('n1', pid)).not.toBe('T');
      expect(await etcd.process!.pid(e.ctx, 'n3')).toBeGreaterThan(1);
      await waitHealthy(e.ctx, e.cluster.nodes, 30_000);
    },
    T,
  );
});
