import { describe, expect, it } from 'vitest';
import { startFailed } from '../../../src/sdk/index.js';
import type { Remote, SystemContext } from '../../../src/sdk/index.js';

/** A context whose nodes answer `tail` from a map of log texts (a node without one fails the command). */
function contextWithLogs(logs: Record<string, string>): { ctx: SystemContext; asked: string[][] } {
  const asked: string[][] = [];
  const remote: Remote = {
    exec: (node, command) => {
      asked.push([node, ...command]);
      const log = logs[node];
      return Promise.resolve(
        log === undefined
          ? { exitCode: 1, stdout: '', stderr: 'tail: cannot open' }
          : { exitCode: 0, stdout: log, stderr: '' },
      );
    },
    upload: () => Promise.resolve(),
    download: () => Promise.resolve(undefined),
  };
  const ctx: SystemContext = {
    cluster: { runId: 'r', nodes: ['n1', 'n2'], ip: () => '10.0.0.1', remote },
    options: {},
    log: () => undefined,
  };
  return { ctx, asked };
}

describe('startFailed', () => {
  it('names each node at fault with its reason and the tail of its log', async () => {
    const { ctx, asked } = contextWithLogs({ n2: 'line 1\nfatal: no quorum\n' });
    const error = await startFailed(ctx, {
      what: 'the cluster to form',
      reasons: { n1: 'connection refused', n2: 'no leader' },
      logFile: '/var/log/db.log',
    });
    expect(error.code).toBe('SYSTEM_START_FAILED');
    expect(error.message).toContain('Timed out waiting for the cluster to form.');
    expect(error.message).toContain('--- n1: connection refused\n(no log)');
    expect(error.message).toContain('--- n2: no leader\nline 1\nfatal: no quorum');
    expect(error.hint).toContain('/var/log/db.log');
    expect(asked).toEqual([
      ['n1', 'tail', '-n', '15', '/var/log/db.log'],
      ['n2', 'tail', '-n', '15', '/var/log/db.log'],
    ]);
  });
});
