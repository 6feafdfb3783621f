import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../../../src/core/errors.js';
import type { Killable } from '../../../src/core/system.js';
import { killFault, killNemesis } from '../../../nemesis/kill-nemesis.js';
import { createRng } from '../../../src/generator/rng.js';
import { bareSystem, fakeContext } from './fake-context.js';

/** A Killable that records its calls and fails for the nodes in `failing`. */
function recordingKillable(failing: readonly string[] = []): { killable: Killable; calls: string[] } {
  const calls: string[] = [];
  const act = (what: string) => (_ctx: unknown, node: string) => {
    calls.push(`${what} ${node}`);
    return failing.includes(node)
      ? Promise.reject(new Error(`${what} failed on ${node}`))
      : Promise.resolve();
  };
  return { killable: { kill: act('kill'), start: act('start') }, calls };
}

describe('killNemesis', () => {
  it('refuses a system that cannot be killed, with a hint', async () => {
    const { ctx } = fakeContext();
    const error = await killNemesis()
      .setup(ctx, bareSystem())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaultlineError);
    expect((error as FaultlineError).code).toBe('BAD_ARGUMENT');
    expect((error as FaultlineError).hint).toMatch(/--nemesis/);
  });

  it('kills the named nodes, then starts exactly those on start', async () => {
    const { ctx } = fakeContext();
    const { killable, calls } = recordingKillable();
    const nemesis = killNemesis();
    await nemesis.setup(ctx, bareSystem({ killable }));
    expect(await nemesis.invoke(ctx, { f: 'kill', value: ['n3', 'n1', 'nX'] })).toEqual({
      type: 'info',
      value: { killed: ['n3', 'n1'] },
    });
    expect(await nemesis.invoke(ctx, { f: 'start', value: null })).toEqual({
      type: 'info',
      value: { started: ['n1', 'n3'] },
    });
    expect([...calls].sort()).toEqual(['kill n1', 'kill n3', 'start n1', 'start n3']);
    await nemesis.teardown(ctx);
    expect(calls).toHaveLength(4);
  });

  it('resolves a target to that many nodes', async () => {
    const { ctx } = fakeContext(['n1', 'n2', 'n3', 'n4', 'n5']);
    const nemesis = killNemesis();
    await nemesis.setup(ctx, bareSystem({ killable: recordingKillable().killable }));
    const result = await nemesis.invoke(ctx, { f: 'kill', value: 'majority' });
    expect((result.value as { killed: string[] }).killed).toHaveLength(3);
  });

  it('reports per-node errors in the event, and teardown restarts what is still down', async () => {
    const { ctx } = fakeContext();
    const { killable, calls } = recordingKillable(['n2']);
    const nemesis = killNemesis();
    await nemesis.setup(ctx, bareSystem({ killable }));
    await nemesis.invoke(ctx, { f: 'kill', value: ['n1', 'n2'] });
    const start = await nemesis.invoke(ctx, { f: 'start', value: null });
    expect(start.error).toEqual({ n2: 'start failed on n2' });
    calls.length = 0;
    await nemesis.teardown(ctx).catch(() => {});
    expect(calls).toEqual(['start n2']);
  });

  it('is used before setup only by mistake: invoke says so', async () => {
    const { ctx } = fakeContext();
    await expect(killNemesis().invoke(ctx, { f: 'kill', value: ['n1'] })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  });
});

describe('killFault', () => {
  it('draws nodes for one of its targets from the rng, the same for the same seed', () => {
    const kind = killFault(['n1', 'n2', 'n3', 'n4', 'n5'], ['minority']);
    const a = kind.start(createRng(4));
    expect(a).toEqual(kind.start(createRng(4)));
    expect(a.f).toBe('kill');
    expect(a.value).toHaveLength(2);
    expect(kind.stop).toEqual({ f: 'start', value: null });
  });
});
