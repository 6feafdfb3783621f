import { describe, expect, it } from 'vitest';
import type { FaultResult, Nemesis } from '../../../src/core/nemesis.js';
import { validateNemesis } from '../../../src/runner/validate-nemesis.js';
import { bareSystem, fakeContext } from '../nemesis/fake-context.js';

/** A nemesis whose invoke does `invoke` and whose teardown waits for `release` to be called. */
function nemesisWith(invoke: Nemesis['invoke']): {
  nemesis: Nemesis;
  teardowns: () => number;
  release: () => void;
} {
  let count = 0;
  let releases: (() => void)[] = [];
  return {
    nemesis: {
      name: 'n',
      fs: ['f'],
      setup: () => Promise.resolve(),
      invoke,
      teardown: () => {
        count++;
        return new Promise<void>((resolve) => releases.push(resolve));
      },
    },
    teardowns: () => count,
    release: () => {
      for (const r of releases) r();
      releases = [];
    },
  };
}

const op = { f: 'f', value: ['n1'] };

describe('validateNemesis', () => {
  it('passes a good result through, and forwards name, fs and setup', async () => {
    const { ctx } = fakeContext();
    let setUp = false;
    const inner = nemesisWith(() => Promise.resolve({ type: 'info', value: 'done' })).nemesis;
    inner.setup = () => Promise.resolve(void (setUp = true));
    const v = validateNemesis(inner, 1000);
    expect([v.name, v.fs]).toEqual(['n', ['f']]);
    await v.setup(ctx, bareSystem());
    expect(setUp).toBe(true);
    expect(await v.invoke(ctx, op)).toEqual({ type: 'info', value: 'done' });
  });

  it('turns a throw (sync or async) into an info event with the error', async () => {
    const { ctx } = fakeContext();
    const sync = validateNemesis(
      nemesisWith(() => {
        throw new Error('boom');
      }).nemesis,
      1000,
    );
    expect(await sync.invoke(ctx, op)).toEqual({ type: 'info', value: ['n1'], error: 'boom' });
    const async = validateNemesis(nemesisWith(() => Promise.reject(new Error('later'))).nemesis, 1000);
    expect(await async.invoke(ctx, op)).toMatchObject({ type: 'info', error: 'later' });
  });

  it('turns a result that is not an info event into one that says so', async () => {
    const { ctx } = fakeContext();
    const bad = { type: 'ok', value: 1 } as unknown as FaultResult;
    const v = validateNemesis(nemesisWith(() => Promise.resolve(bad)).nemesis, 1000);
    expect(await v.invoke(ctx, op)).toEqual({
      type: 'info',
      value: ['n1'],
      error: 'invalid nemesis result: {"type":"ok","value":1}',
    });
  });

  it('gives up on an invoke that hangs past the timeout', async () => {
    const { ctx } = fakeContext();
    const v = validateNemesis(nemesisWith(() => new Promise(() => {})).nemesis, 20);
    expect(await v.invoke(ctx, op)).toEqual({ type: 'info', value: ['n1'], error: 'timeout after 20 ms' });
  });

  it('runs teardown at most once at a time: a call during one waits for it', async () => {
    const { ctx } = fakeContext();
    const inner = nemesisWith(() => Promise.resolve({ type: 'info', value: null }));
    const v = validateNemesis(inner.nemesis, 1000);
    let firstDone = false;
    const first = v.teardown(ctx).then(() => (firstDone = true));
    const second = v.teardown(ctx);
    await new Promise((r) => setTimeout(r, 5));
    expect(inner.teardowns()).toBe(1);
    expect(firstDone).toBe(false);
    inner.release();
    await Promise.all([first, second]);
    expect(inner.teardowns()).toBe(1);
  });

  it('runs teardown again when called after the previous one finished, also after a failure', async () => {
    const { ctx } = fakeContext();
    let calls = 0;
    const inner = nemesisWith(() => Promise.resolve({ type: 'info', value: null })).nemesis;
    inner.teardown = () => (++calls === 1 ? Promise.reject(new Error('heal failed')) : Promise.resolve());
    const v = validateNemesis(inner, 1000);
    await expect(v.teardown(ctx)).rejects.toThrow('heal failed');
    await v.teardown(ctx);
    expect(calls).toBe(2);
  });
});
