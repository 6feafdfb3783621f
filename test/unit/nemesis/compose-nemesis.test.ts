import { describe, expect, it } from 'vitest';
import type { Nemesis } from '../../../src/core/nemesis.js';
import { composeNemeses } from '../../../nemesis/compose-nemesis.js';
import { bareSystem, fakeContext } from './fake-context.js';

/** A nemesis handling `fs` that logs each call into `log`; `failTeardown` makes its teardown throw. */
function part(name: string, fs: string[], log: string[], failTeardown = false): Nemesis {
  return {
    name,
    fs,
    setup: () => Promise.resolve(void log.push(`${name} setup`)),
    invoke: (_ctx, op) => {
      log.push(`${name} ${op.f}`);
      return Promise.resolve({ type: 'info', value: name });
    },
    teardown: () => {
      log.push(`${name} teardown`);
      return failTeardown ? Promise.reject(new Error(`${name} could not heal`)) : Promise.resolve();
    },
  };
}

describe('composeNemeses', () => {
  it('routes each op to the part handling its f, sets up in order and tears down in reverse', async () => {
    const { ctx } = fakeContext();
    const log: string[] = [];
    const both = composeNemeses([part('a', ['start-a', 'stop-a'], log), part('b', ['start-b'], log)]);
    expect(both.name).toBe('a+b');
    expect(both.fs).toEqual(['start-a', 'stop-a', 'start-b']);
    await both.setup(ctx, bareSystem());
    expect((await both.invoke(ctx, { f: 'start-b', value: null })).value).toBe('b');
    expect((await both.invoke(ctx, { f: 'stop-a', value: null })).value).toBe('a');
    await both.teardown(ctx);
    expect(log).toEqual(['a setup', 'b setup', 'b start-b', 'a stop-a', 'b teardown', 'a teardown']);
  });

  it('refuses two parts that handle the same f', () => {
    expect(() => composeNemeses([part('a', ['kill'], []), part('b', ['kill'], [])])).toThrow(
      /Two nemeses handle "kill": a and b/,
    );
  });

  it('rejects an op no part handles, naming the known ones', async () => {
    const { ctx } = fakeContext();
    await expect(
      composeNemeses([part('a', ['start-a'], [])]).invoke(ctx, { f: 'x', value: null }),
    ).rejects.toThrow(/No nemesis handles "x"; known: start-a/);
  });

  it('tears down every part even when one fails, then reports the failures together', async () => {
    const { ctx } = fakeContext();
    const log: string[] = [];
    const both = composeNemeses([
      part('a', ['fa'], log, true),
      part('b', ['fb'], log, true),
      part('c', ['fc'], log),
    ]);
    const error = await both.teardown(ctx).catch((e: unknown) => e);
    expect(log).toEqual(['c teardown', 'b teardown', 'a teardown']);
    expect(error).toMatchObject({ code: 'NODE_EXEC_FAILED' });
    expect((error as Error).message).toBe('Healing failed: b could not heal; a could not heal');
  });

  it('of no parts is a nemesis named none', () => {
    expect(composeNemeses([]).name).toBe('none');
  });
});
