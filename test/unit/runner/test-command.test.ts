import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';

// Bad option values are rejected before anything starts, naming the option (exit 254).
describe('faultline test: option validation', () => {
  const run = async (args: string[]) => {
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
    try {
      return { code: await runCli(args), err };
    } finally {
      spy.mockRestore();
    }
  };

  it.each([
    [['test', 'nosuchdb'], /Unknown system nosuchdb: not built in[\s\S]*Known systems: etcd/],
    [['test', 'etcd', '--workload', 'nosuchload'], /--workload nosuchload is not known/],
    [['test', 'etcd', '--nemesis', 'partition,meteor'], /--nemesis meteor is not known/],
    [['test', 'etcd', '--partition', 'thirds'], /--partition thirds is not known/],
    [['test', 'etcd', '--nodes', '0'], /--nodes/],
    [['test', 'etcd', '--time-limit', 'soon'], /--time-limit/],
    [['test', 'etcd', '--seed', '-1'], /--seed/],
  ])('%j', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(254);
    expect(err).toMatch(message);
  });
});
