import { describe, expect, it } from 'vitest';
import type { GenOp } from '../../../src/core/generator.js';
import { clients, limit, simulate } from '../../../src/generator/index.js';
import { lockOpsOnly, lockWorkload } from '../../../workloads/lock/lock-workload.js';
import { history, invoke, nemesis, ok } from '../../support/history.js';

const threads = [0, 1, 2, 'nemesis'] as const;
const gen = (maxHoldMs = 200) =>
  clients(limit(120, lockWorkload.generator({ concurrency: 3, nodes: 3, maxHoldMs })));

describe('lock workload', () => {
  it('each thread cycles acquire, guarded write, release under one token', () => {
    const events = simulate(gen(), { threads, seed: 1 }).filter((e) => e.type === 'invoke');
    for (const t of [0, 1, 2]) {
      const mine = events.filter((e) => e.thread === t);
      expect(mine.length).toBeGreaterThan(30);
      mine.forEach((e, i) => {
        const n = Math.floor(i / 3);
        expect(e.f).toBe(['acquire', 'write', 'release'][i % 3]);
        expect(e.value).toEqual(e.f === 'write' ? [`${t}.${n}`, `${t}.${n}`] : `${t}.${n}`);
      });
    }
  });

  it('holds for a random time below maxHoldMs between grant and release', () => {
    const events = simulate(gen(400), { threads, seed: 2 });
    const acquired = new Map<string, number>();
    const holds: number[] = [];
    for (const e of events) {
      if (e.f === 'acquire' && e.type === 'ok') acquired.set(e.value as string, e.time);
      if (e.f === 'release' && e.type === 'invoke') holds.push(e.time - acquired.get(e.value as string)!);
    }
    expect(Math.max(...holds)).toBeLessThan(400e6);
    expect(new Set(holds).size).toBeGreaterThan(10);
  });

  it('a failed acquire takes a fresh token; a crashed write still releases; a failed release retries', () => {
    const complete = (op: GenOp) => {
      if (op.f === 'acquire' && op.value === '0.0') return { type: 'fail' as const };
      if (op.f === 'write' && (op.value as string[])[0] === '0.1') return { type: 'info' as const };
      if (op.f === 'release' && op.value === '0.1') return { type: 'fail' as const };
      return { type: 'ok' as const };
    };
    // A release of 0.1 that always fails is retried for ever: limit the run.
    const events = simulate(clients(limit(8, lockWorkload.generator({ concurrency: 1, nodes: 1 }))), {
      threads: [0],
      seed: 3,
      complete,
    }).filter((e) => e.type === 'invoke');
    expect(events.map((e) => `${e.f} ${JSON.stringify(e.value)}`)).toEqual([
      'acquire "0.0"',
      'acquire "0.1"',
      'write ["0.1","0.1"]',
      'release "0.1"',
      'release "0.1"',
      'release "0.1"',
      'release "0.1"',
      'release "0.1"',
    ]);
  });

  it('checks the mutex on acquire and release only, keeping indexes, and names overlapping holds', async () => {
    const h = history(
      invoke(0, 'acquire', '0.0'),
      ok(0, 'acquire', '0.0'),
      nemesis('pause', ['n1']),
      invoke(1, 'acquire', '1.0'),
      ok(1, 'acquire', '1.0'),
      invoke(0, 'write', ['0.0', '0.0']),
      ok(0, 'write', ['0.0', '0.0']),
      invoke(0, 'release', '0.0'),
      ok(0, 'release', '0.0'),
    );
    expect(lockOpsOnly(h).map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 7, 8]);
    const results = await Promise.all(
      lockWorkload.checkers({ concurrency: 2, nodes: 3 }).map((c) => c.check(h)),
    );
    expect(results.map((r) => [r.checker, r.valid])).toEqual([
      ['linearizability', false],
      ['lock', false],
    ]);
  });
});
