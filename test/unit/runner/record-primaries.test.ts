import { describe, expect, it } from 'vitest';
import type { FaultResult, Nemesis } from '../../../src/core/nemesis.js';
import type { HasPrimaries, System, SystemContext } from '../../../src/core/system.js';
import { observePrimaries, recordPrimaries, withPrimaries } from '../../../src/runner/record-primaries.js';

const ctx = {
  cluster: { nodes: ['n1', 'n2', 'n3'] },
  options: {},
  log: () => {},
} as unknown as SystemContext;

/** A system that is nothing but its (optional) primaries capability. */
function systemWith(primaries?: HasPrimaries['primaries']): System {
  return (primaries ? { name: 'fake', primaries: { primaries } } : { name: 'fake' }) as unknown as System;
}

/** A nemesis that answers each op with `answer(f)` and logs what happened, in order, into `log`. */
function fakeNemesis(log: string[], answer: (f: string) => FaultResult): Nemesis {
  return {
    name: 'fake',
    fs: ['start-partition', 'stop-partition', 'kill'],
    setup: async () => {
      log.push('setup');
    },
    invoke: async (_ctx, op) => {
      log.push(`invoke ${op.f}`);
      return answer(op.f);
    },
    teardown: async () => {
      log.push('teardown');
    },
  };
}

async function runOps(
  primaries: HasPrimaries['primaries'] | undefined,
  answer: (f: string) => FaultResult,
  timeoutMs?: number,
): Promise<{ results: FaultResult[]; log: string[] }> {
  const log: string[] = [];
  const nemesis = recordPrimaries(fakeNemesis(log, answer), timeoutMs);
  await nemesis.setup(ctx, systemWith(primaries));
  const results = [];
  for (const f of ['start-partition', 'stop-partition'])
    results.push(await nemesis.invoke(ctx, { f, value: null }));
  await nemesis.teardown(ctx);
  return { results, log };
}

describe('recordPrimaries', () => {
  it('records the primaries seen right after each fault op, start and stop', async () => {
    const log: string[] = [];
    let primary = 'n1';
    const { results } = await runOps(
      async () => {
        log.push(`primaries? ${primary}`);
        return [primary];
      },
      (f): FaultResult => {
        log.push(f);
        if (f === 'start-partition') primary = 'n2';
        return f === 'start-partition'
          ? { type: 'info', value: { mode: 'primary', primary: 'n1' } }
          : { type: 'info', value: { healed: ['n1', 'n2', 'n3'] } };
      },
    );
    expect(results).toEqual([
      { type: 'info', value: { mode: 'primary', primary: 'n1', primaries: ['n2'] } },
      { type: 'info', value: { healed: ['n1', 'n2', 'n3'], primaries: ['n2'] } },
    ]);
    // Asked after the op, not before.
    expect(log).toEqual(['start-partition', 'primaries? n2', 'stop-partition', 'primaries? n2']);
  });

  it('keeps the fault result and records null with the reason when the lookup throws', async () => {
    const { results, log } = await runOps(
      () => Promise.reject(new Error('no Sentinel answered')),
      () => ({ type: 'info', value: { killed: ['n1'] }, error: { n2: 'exit 1' } }),
    );
    expect(results[0]).toEqual({
      type: 'info',
      value: { killed: ['n1'], primaries: null, primariesError: 'no Sentinel answered' },
      error: { n2: 'exit 1' },
    });
    expect(log).toEqual(['setup', 'invoke start-partition', 'invoke stop-partition', 'teardown']);
  });

  it('gives up on a slow lookup after the timeout', async () => {
    const started = Date.now();
    const { results } = await runOps(
      () => new Promise<string[]>(() => {}),
      () => ({ type: 'info', value: null }),
      50,
    );
    expect(results[1]).toEqual({
      type: 'info',
      value: { primaries: null, primariesError: 'no answer within 50 ms' },
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('records an empty list when the system has no primary now (e.g. during a failover)', async () => {
    const { results } = await runOps(
      async () => [],
      () => ({ type: 'info', value: { healed: ['n1'] } }),
    );
    expect(results[0]!.value).toEqual({ healed: ['n1'], primaries: [] });
  });

  it('leaves results alone for a system without primaries', async () => {
    const { results } = await runOps(undefined, () => ({ type: 'info', value: { healed: ['n1'] } }));
    expect(results).toEqual([
      { type: 'info', value: { healed: ['n1'] } },
      { type: 'info', value: { healed: ['n1'] } },
    ]);
  });
});

describe('observePrimaries', () => {
  it('is undefined for a system without primaries and rejects a malformed answer', async () => {
    expect(await observePrimaries(systemWith(), ctx)).toBeUndefined();
    expect(
      await observePrimaries(
        systemWith(async () => 'n1' as unknown as string[]),
        ctx,
      ),
    ).toEqual({
      primaries: null,
      primariesError: 'invalid primaries: "n1"',
    });
  });
});

describe('withPrimaries', () => {
  it('merges into objects and keeps any other value under `value`', () => {
    const seen = { primaries: ['n3'] };
    expect(withPrimaries({ paused: ['n1'] }, seen)).toEqual({ paused: ['n1'], primaries: ['n3'] });
    expect(withPrimaries(null, seen)).toEqual({ primaries: ['n3'] });
    expect(withPrimaries(['n1'], seen)).toEqual({ value: ['n1'], primaries: ['n3'] });
    expect(withPrimaries('majority', seen)).toEqual({ value: 'majority', primaries: ['n3'] });
  });
});
