import { describe, expect, it } from 'vitest';
import type { Pausable } from '../../../src/core/system.js';
import { pauseFault, pauseNemesis } from '../../../nemesis/pause-nemesis.js';
import { createRng } from '../../../src/generator/rng.js';
import { bareSystem, fakeContext } from './fake-context.js';

function recordingPausable(): { pausable: Pausable; calls: string[] } {
  const calls: string[] = [];
  const act = (what: string) => (_ctx: unknown, node: string) => {
    calls.push(`${what} ${node}`);
    return Promise.resolve();
  };
  return { pausable: { pause: act('pause'), resume: act('resume') }, calls };
}

describe('pauseNemesis', () => {
  it('refuses a system that is neither Pausable nor HasProcess', async () => {
    const { ctx } = fakeContext();
    await expect(pauseNemesis().setup(ctx, bareSystem())).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });

  it("pauses the named nodes and resumes them, through the system's Pausable", async () => {
    const { ctx, execs } = fakeContext();
    const { pausable, calls } = recordingPausable();
    const nemesis = pauseNemesis();
    await nemesis.setup(ctx, bareSystem({ pausable }));
    expect((await nemesis.invoke(ctx, { f: 'pause', value: ['n2'] })).value).toEqual({ paused: ['n2'] });
    expect((await nemesis.invoke(ctx, { f: 'resume', value: null })).value).toEqual({ resumed: ['n2'] });
    expect(calls).toEqual(['pause n2', 'resume n2']);
    expect(execs).toEqual([]);
  });

  it('falls back to kill -STOP / -CONT of the pid the system reports', async () => {
    const { ctx, execs } = fakeContext();
    const nemesis = pauseNemesis();
    const pids: Record<string, number | undefined> = { n1: 41, n2: undefined, n3: 43 };
    await nemesis.setup(ctx, bareSystem({ process: { pid: (_c, node) => Promise.resolve(pids[node]) } }));
    await nemesis.invoke(ctx, { f: 'pause', value: ['n1', 'n2'] });
    await nemesis.invoke(ctx, { f: 'resume', value: null });
    expect(execs.map((e) => `${e.node}: ${e.command.join(' ')}`)).toEqual([
      'n1: kill -STOP 41',
      'n1: kill -CONT 41',
    ]);
  });

  it('teardown resumes every node, paused or not', async () => {
    const { ctx } = fakeContext();
    const { pausable, calls } = recordingPausable();
    const nemesis = pauseNemesis();
    await nemesis.setup(ctx, bareSystem({ pausable }));
    await nemesis.teardown(ctx);
    expect([...calls].sort()).toEqual(['resume n1', 'resume n2', 'resume n3']);
  });
});

describe('pauseFault', () => {
  it('draws a pause of the targeted size, resumed by a resume op', () => {
    const kind = pauseFault(['n1', 'n2', 'n3'], ['one']);
    const op = kind.start(createRng(2));
    expect(op.f).toBe('pause');
    expect(op.value).toHaveLength(1);
    expect(kind.stop).toEqual({ f: 'resume', value: null });
  });
});
