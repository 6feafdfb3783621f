import { describe, expect, it } from 'vitest';
import { clients, limit, simulate } from '../../../src/generator/index.js';
import { registerOps } from '../../../workloads/register/register-ops.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';
import { setWorkload } from '../../../workloads/set/set-workload.js';

const threads = [0, 1, 2, 'nemesis'] as const;
const invokes = (events: ReturnType<typeof simulate>) => events.filter((e) => e.type === 'invoke');

describe('register workload', () => {
  it('emits keyed read/write/cas with small values', () => {
    const ops = invokes(
      simulate(clients(limit(300, registerWorkload.generator({ concurrency: 3, nodes: 3 }))), {
        threads,
        seed: 1,
      }),
    );
    expect(new Set(ops.map((o) => o.f))).toEqual(new Set(['read', 'write', 'cas']));
    for (const o of ops) {
      const [k, v] = o.value as [number, unknown];
      expect(Number.isInteger(k)).toBe(true);
      if (o.f === 'read') expect(v).toBeNull();
      if (o.f === 'write') expect(v).toBeGreaterThanOrEqual(0);
      if (o.f === 'cas') expect(v).toHaveLength(2);
    }
  });

  it('retires a key after opsPerKey ops for a fresh one, keeping `keys` live', () => {
    const ops = invokes(
      simulate(clients(limit(100, registerOps({ keys: 2, opsPerKey: 10, values: 3 }))), { threads, seed: 2 }),
    );
    const perKey = new Map<number, number>();
    for (const o of ops) {
      const k = (o.value as [number])[0];
      perKey.set(k, (perKey.get(k) ?? 0) + 1);
    }
    expect([...perKey.values()].every((n) => n <= 10)).toBe(true);
    expect(perKey.size).toBeGreaterThanOrEqual(10);
  });

  it('with sequential, writes each value of a key once and compares with recent ones', () => {
    const gen = registerWorkload.generator({ concurrency: 3, nodes: 3, sequential: true, opsPerKey: 40 });
    const ops = invokes(simulate(clients(limit(400, gen)), { threads, seed: 3 }));
    const written = new Map<number, number[]>();
    for (const o of ops) {
      const [k, v] = o.value as [number, unknown];
      if (o.f === 'read') continue;
      const fresh = o.f === 'write' ? (v as number) : (v as number[])[1]!;
      const list = written.get(k) ?? [];
      if (o.f === 'cas') expect((v as number[])[0]).toBeGreaterThanOrEqual(Math.max(0, list.length - 2));
      list.push(fresh);
      written.set(k, list);
    }
    for (const list of written.values()) expect(list).toEqual(list.map((_, i) => i + 1));
    expect(written.size).toBeGreaterThan(3);
  });

  it('checks with linearizability', () => {
    expect(registerWorkload.checkers({ concurrency: 1, nodes: 1 }).map((c) => c.name)).toEqual([
      'linearizability',
    ]);
  });
});

describe('set workload', () => {
  it('adds unique elements', () => {
    const ops = invokes(
      simulate(clients(limit(200, setWorkload.generator({ concurrency: 3, nodes: 3 }))), {
        threads,
        seed: 1,
      }),
    );
    expect(new Set(ops.map((o) => o.value)).size).toBe(200);
    expect(ops.every((o) => o.f === 'add')).toBe(true);
  });

  it('retries the final read once a second until one succeeds', () => {
    let n = 0;
    const events = simulate(clients(setWorkload.finalGenerator!({ concurrency: 3, nodes: 3 })), {
      threads,
      seed: 1,
      complete: () => (++n < 3 ? { type: 'fail' } : { type: 'ok', value: [1, 2] }),
    });
    const reads = invokes(events);
    expect(reads.map((r) => r.f)).toEqual(['read', 'read', 'read']);
    expect(reads[1]!.time - reads[0]!.time).toBeGreaterThanOrEqual(1e9);
  });
});
