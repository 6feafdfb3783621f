import { describe, expect, it } from 'vitest';
import { TaskRunner, type Task } from '../../../src/runner/task-runner.js';

const step = (
  log: string[],
  title: string,
  setup: (signal: AbortSignal) => Promise<void> = async () => {},
): Task<null> => ({
  title,
  setup: async (_ctx, signal) => {
    log.push(`setup ${title}`);
    await setup(signal);
  },
  teardown: async () => {
    log.push(`teardown ${title}`);
  },
});

const never = (signal: AbortSignal) =>
  new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

describe('TaskRunner', () => {
  it('runs setups in order and teardowns in reverse', async () => {
    const log: string[] = [];
    const r = await new TaskRunner([step(log, 'a'), step(log, 'b')], { signals: [] }).run(null);
    expect(r.status).toBe('passed');
    expect(log).toEqual(['setup a', 'setup b', 'teardown b', 'teardown a']);
  });

  it('tears down a task whose setup failed, and the ones before it', async () => {
    const log: string[] = [];
    const boom = step(log, 'b', () => Promise.reject(new Error('boom')));
    const r = await new TaskRunner([step(log, 'a'), boom, step(log, 'c')], { signals: [] }).run(null);
    expect(r.status).toBe('failed');
    expect((r.error as Error).message).toBe('boom');
    expect(r.stoppedIn).toBe('b');
    expect(log).toEqual(['setup a', 'setup b', 'teardown b', 'teardown a']);
  });

  it('ends as interrupted on a signal, aborting the running setup, and still tears down', async () => {
    const log: string[] = [];
    let aborted = false;
    const runner = new TaskRunner(
      [
        step(log, 'a'),
        step(log, 'b', async (signal) => {
          setTimeout(() => process.kill(process.pid, 'SIGUSR2'), 20);
          await never(signal);
          aborted = true;
        }),
      ],
      { signals: ['SIGUSR2'] },
    );
    const r = await runner.run(null);
    expect(r.status).toBe('interrupted');
    expect(aborted).toBe(true);
    expect(log).toEqual(['setup a', 'setup b', 'teardown b', 'teardown a']);
    expect(process.listenerCount('SIGUSR2')).toBe(0);
  });

  it('ends as timed out past the deadline', async () => {
    const log: string[] = [];
    const r = await new TaskRunner([step(log, 'slow', never)], { signals: [], deadlineMs: 30 }).run(null);
    expect(r.status).toBe('timedout');
    expect(log).toEqual(['setup slow', 'teardown slow']);
  });

  it('keeps tearing down after a teardown fails, and reports it', async () => {
    const log: string[] = [];
    const bad: Task<null> = {
      title: 'bad',
      setup: async () => {},
      teardown: () => Promise.reject(new Error('x')),
    };
    const r = await new TaskRunner([step(log, 'a'), bad], { signals: [] }).run(null);
    expect(r.status).toBe('passed');
    expect(r.teardownErrors.map((e) => e.title)).toEqual(['bad']);
    expect(log).toEqual(['setup a', 'teardown a']);
  });
});

describe('TaskRunner teardown timeout', () => {
  it('abandons a hanging teardown so the ones before it still run', async () => {
    const log: string[] = [];
    const hang: Task<null> = { title: 'hang', setup: async () => {}, teardown: () => new Promise(() => {}) };
    const r = await new TaskRunner([step(log, 'a'), hang], { signals: [], teardownTimeoutMs: 20 }).run(null);
    expect(r.teardownErrors.map((e) => e.title)).toEqual(['hang']);
    expect(log).toEqual(['setup a', 'teardown a']);
  });
});
