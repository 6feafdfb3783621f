import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type DockerCluster } from '../../../src/control/docker-cluster.js';
import { ensureImages } from '../../../src/control/images.js';
import type { Nemesis } from '../../../src/core/nemesis.js';
import type { SystemContext } from '../../../src/core/system.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { redisSystem } from '../../../systems/redis/redis-system.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';
import { testRunId } from '../systems/etcd/etcd-cluster.js';
import { itFaultedRun } from '../systems/it-faulted-run.js';

const T = 120_000;

describe('the clock nemesis reaches Redis (which does not start under libfaketime) through ptrace', () => {
  let cluster: DockerCluster;
  let ctx: SystemContext;
  let nemesis: Nemesis;
  const sh = async (script: string): Promise<string> =>
    (await cluster.remote.exec('n1', ['sh', '-c', script], { timeoutMs: 10_000 })).stdout.trim();
  /** Redis's own clock: the server's TIME command, in ms. */
  const redisTime = async (): Promise<number> => {
    const [s, us] = (await sh('redis-cli -p 6379 TIME')).split('\n').map(Number);
    return s! * 1000 + us! / 1000;
  };

  beforeAll(async () => {
    const pkg = nemesisPackage(['clock'], { nodes: ['n1'] });
    const { image } = await ensureImages(redisSystem.image);
    cluster = await createCluster({
      runId: testRunId('clock-redis'),
      nodeCount: 1,
      image,
      privileges: pkg.privileges!,
    });
    ctx = { cluster, options: { redisMode: 'single' }, log: () => {} };
    await redisSystem.setup(ctx);
    nemesis = pkg.nemesis;
    await nemesis.setup(ctx, redisSystem);
  }, T);
  afterAll(async () => {
    await nemesis?.teardown(ctx).catch(() => {});
    await cluster?.destroy();
  });

  it(
    'bump: TIME runs a day behind, on a strobe it flips, and reset makes it true with the same server process',
    async () => {
      const pid = await redisSystem.process!.pid(ctx, 'n1');
      const r = await nemesis.invoke(ctx, {
        f: 'bump-clock',
        value: { nodes: ['n1'], deltaMs: -86_400_000 },
      });
      const v = (r.value as { visibility: Record<string, Record<string, unknown>> }).visibility.n1!;
      expect(v).toMatchObject({ mechanism: 'ptrace', visible: 'yes', pid });
      expect((await redisTime()) - Date.now()).toBeLessThan(-86_400_000 + 5000);
      expect((await redisTime()) - Date.now()).toBeGreaterThan(-86_400_000 - 5000);

      await nemesis.invoke(ctx, {
        f: 'strobe-clock',
        value: { nodes: ['n1'], deltaMs: 600_000, periodMs: 200, durationMs: 30_000 },
      });
      const seen = new Set<number>();
      for (let i = 0; i < 20; i++) {
        seen.add(Math.round(((await redisTime()) - Date.now()) / 60_000));
        await new Promise((res) => setTimeout(res, 47));
      }
      expect([...seen].sort((a, b) => a - b)).toEqual([0, 10]);

      await nemesis.invoke(ctx, { f: 'reset-clock', value: null });
      expect(Math.abs((await redisTime()) - Date.now())).toBeLessThan(5000);
      expect(await redisSystem.process!.pid(ctx, 'n1')).toBe(pid);
      expect(await sh('redis-cli -p 6379 PING')).toBe('PONG');
    },
    T,
  );
});

describe('a clock-faulted run on Redis through the runner', () => {
  itFaultedRun(
    'register, single server, clock bumps and strobes: every start event says ptrace and visible',
    'redis register single clock',
    {
      system: redisSystem,
      workload: registerWorkload,
      nemesis: ['clock'],
      nodes: 1,
      concurrency: 4,
      timeLimitS: 15,
      nemesisIntervalS: 3,
      systemOptions: { redisMode: 'single' },
    },
    (r) => {
      const starts = r.history.filter(
        (o) => o.process === 'nemesis' && o.type === 'info' && /^(bump|strobe)-clock$/.test(o.f),
      );
      expect(starts.length).toBeGreaterThanOrEqual(1);
      for (const o of starts) {
        const v = (o.value as { visibility: Record<string, Record<string, unknown>> }).visibility.n1;
        expect(v).toMatchObject({ mechanism: 'ptrace', visible: 'yes' });
      }
      expect(r.history.some((o) => o.process === 'nemesis' && o.f === 'reset-clock')).toBe(true);
    },
  );
});
