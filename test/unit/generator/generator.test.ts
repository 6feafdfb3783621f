import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../src/core/nemesis.js';
import {
  any,
  clients,
  createRng,
  cycle,
  eachThread,
  fromFn,
  fromOps,
  limit,
  mix,
  nemesis,
  nemesisSchedule,
  once,
  phases,
  rate,
  repeat,
  simulate,
  stagger,
  sleep,
  timeLimit,
  untilOk,
} from '../../../src/generator/index.js';

const S = 1e9;
const MS = 1e6;
const threads = [0, 1, 2, 3, 'nemesis'] as const;

const rw = () =>
  mix([
    fromFn((ctx) => ({ f: 'read', value: ctx.rng.int(5) })),
    fromFn((ctx) => ({ f: 'write', value: ctx.rng.int(5) })),
  ]);

const invokes = (events: ReturnType<typeof simulate>) => events.filter((e) => e.type === 'invoke');

describe('createRng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('determinism', () => {
  const run = (seed: number) =>
    simulate(clients(timeLimit(2 * S, rate(500, rw()))), {
      threads,
      seed,
      latency: (_op, rng) => rng.int(5 * MS),
    });

  it('the same seed gives the same op sequence', () => {
    expect(run(1)).toEqual(run(1));
    expect(invokes(run(1)).length).toBeGreaterThan(500);
  });

  it('another seed gives another sequence', () => {
    expect(run(2)).not.toEqual(run(1));
  });
});

describe('rate', () => {
  it('emits about rate × time ops over all threads', () => {
    const events = simulate(clients(timeLimit(20 * S, rate(100, rw()))), { threads, seed: 3 });
    const n = invokes(events).length;
    expect(n).toBeGreaterThan(1800);
    expect(n).toBeLessThan(2200);
  });

  it('is bounded by concurrency when ops are slow', () => {
    const events = simulate(clients(timeLimit(10 * S, rate(1000, rw()))), {
      threads,
      seed: 3,
      latency: () => 100 * MS,
    });
    // 4 client threads × 10 ops/s each.
    expect(invokes(events).length).toBeLessThanOrEqual(4 * 10 * 10 + 4);
  });
});

describe('timeLimit', () => {
  it('invokes nothing after the limit and lets running ops finish', () => {
    const events = simulate(clients(timeLimit(1 * S, rate(200, rw()))), {
      threads,
      seed: 4,
      latency: () => 300 * MS,
    });
    expect(invokes(events).every((e) => e.time < 1 * S)).toBe(true);
    expect(events.filter((e) => e.type === 'ok')).toHaveLength(invokes(events).length);
  });
});

describe('phases', () => {
  it('starts a phase only after every op of the previous one completed', () => {
    const events = simulate(
      clients(phases(limit(10, rw()), once({ f: 'final', value: null }), limit(3, rw()))),
      { threads, seed: 5, latency: (_op, rng) => rng.int(50 * MS) },
    );
    const finalAt = events.findIndex((e) => e.f === 'final' && e.type === 'invoke');
    const before = events.slice(0, finalAt);
    expect(before.filter((e) => e.type === 'invoke')).toHaveLength(10);
    expect(before.filter((e) => e.type === 'ok')).toHaveLength(10);
    const finalDone = events.findIndex((e) => e.f === 'final' && e.type === 'ok');
    expect(events.slice(finalAt + 1, finalDone).some((e) => e.type === 'invoke')).toBe(false);
    expect(invokes(events)).toHaveLength(14);
  });

  it('sleep pauses between phases', () => {
    const events = simulate(
      clients(phases(once({ f: 'a', value: 1 }), sleep(2 * S), once({ f: 'b', value: 2 }))),
      {
        threads,
        seed: 1,
      },
    );
    const [a, b] = invokes(events);
    expect(b!.time - a!.time).toBeGreaterThanOrEqual(2 * S);
  });
});

describe('combinators', () => {
  it('fromOps emits in order and limit stops', () => {
    const ops = [1, 2, 3, 4].map((v) => ({ f: 'add', value: v }));
    expect(invokes(simulate(clients(fromOps(ops)), { threads, seed: 1 })).map((e) => e.value)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(invokes(simulate(clients(limit(2, fromOps(ops))), { threads, seed: 1 }))).toHaveLength(2);
  });

  it('repeat re-emits without advancing; cycle restarts fresh rounds', () => {
    const r = invokes(simulate(clients(repeat(once({ f: 'x', value: 1 }), 3)), { threads, seed: 1 }));
    expect(r.map((e) => e.f)).toEqual(['x', 'x', 'x']);
    const c = simulate(clients(cycle(() => phases(once({ f: 'a', value: 1 }), sleep(S)), 3)), {
      threads,
      seed: 1,
    });
    expect(invokes(c).map((e) => e.time)).toEqual([0, 1 * S + 1 * MS, 2 * S + 2 * MS]);
  });

  it('eachThread gives every thread its own copy', () => {
    const events = invokes(
      simulate(clients(eachThread(() => once({ f: 'read', value: null }))), { threads, seed: 1 }),
    );
    expect(events.map((e) => e.thread).sort()).toEqual([0, 1, 2, 3]);
  });

  it('onThreads keeps client ops off the nemesis thread and vice versa', () => {
    const events = simulate(
      any(
        clients(limit(50, rw())),
        nemesis(
          limit(
            3,
            fromFn(() => ({ f: 'start', value: null })),
          ),
        ),
      ),
      { threads, seed: 1 },
    );
    expect(
      invokes(events)
        .filter((e) => e.f === 'start')
        .every((e) => e.thread === 'nemesis'),
    ).toBe(true);
    expect(
      invokes(events)
        .filter((e) => e.f !== 'start')
        .every((e) => e.thread !== 'nemesis'),
    ).toBe(true);
    expect(invokes(events)).toHaveLength(53);
  });

  it('untilOk retries until an op succeeds', () => {
    let n = 0;
    const events = simulate(
      clients(
        untilOk(
          limit(
            10,
            fromFn(() => ({ f: 'read', value: null, thread: 0 })),
          ),
        ),
      ),
      {
        threads,
        seed: 1,
        complete: () => ({ type: ++n < 3 ? 'fail' : 'ok' }),
      },
    );
    expect(events.map((e) => e.type)).toEqual(['invoke', 'fail', 'invoke', 'fail', 'invoke', 'ok']);
  });
});

describe('nemesisSchedule', () => {
  const kinds: FaultKind[] = [
    {
      name: 'partition',
      start: (rng) => ({ f: 'start-partition', value: rng.pick(['n1', 'n2']) }),
      stop: { f: 'stop-partition', value: null },
    },
    { name: 'kill', start: () => ({ f: 'kill', value: 'n3' }), stop: { f: 'start', value: 'n3' } },
  ];

  it('alternates start and the matching stop, one interval after each completes', () => {
    const events = simulate(nemesis(timeLimit(60 * S, nemesisSchedule(kinds, 5 * S))), {
      threads,
      seed: 9,
      latency: () => 1 * S,
    });
    const inv = invokes(events);
    expect(inv.length).toBeGreaterThanOrEqual(9);
    for (let i = 0; i + 1 < inv.length; i += 2) {
      const stop = kinds.find((k) => k.start(createRng(0)).f === inv[i]!.f)!.stop;
      expect(inv[i + 1]!.f).toBe(stop.f);
    }
    for (let i = 1; i < inv.length; i++) expect(inv[i]!.time - inv[i - 1]!.time).toBe(6 * S);
    expect(inv[0]!.time).toBe(5 * S);
    expect(new Set(inv.map((e) => e.f)).size).toBe(4);
  });

  it('runs beside client ops under any', () => {
    const events = simulate(
      any(
        clients(timeLimit(20 * S, rate(50, rw()))),
        nemesis(timeLimit(20 * S, nemesisSchedule(kinds, 2 * S))),
      ),
      { threads, seed: 2 },
    );
    expect(invokes(events).filter((e) => e.thread === 'nemesis').length).toBeGreaterThanOrEqual(8);
    expect(invokes(events).filter((e) => e.thread !== 'nemesis').length).toBeGreaterThan(800);
  });
});

describe('nemesisSchedule with its own seed', () => {
  const kinds: FaultKind[] = [
    {
      name: 'a',
      start: (rng) => ({ f: 'start-a', value: rng.int(100) }),
      stop: { f: 'stop-a', value: null },
    },
    {
      name: 'b',
      start: (rng) => ({ f: 'start-b', value: rng.int(100) }),
      stop: { f: 'stop-b', value: null },
    },
  ];
  const faults = (rate: number) =>
    invokes(
      simulate(
        any(
          clients(timeLimit(30 * S, stagger(1e9 / rate, rw()))),
          nemesis(timeLimit(30 * S, nemesisSchedule(kinds, 2 * S, { seed: 5 }))),
        ),
        { threads, seed: rate },
      ),
    )
      .filter((e) => e.thread === 'nemesis')
      .map((e) => `${e.f} ${String(e.value)}`);

  it('draws the same faults whatever the client load', () => {
    expect(faults(10)).toEqual(faults(400));
    expect(faults(10).length).toBeGreaterThan(10);
  });
});
