import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../../src/history/read-history.js';
import { leftovers } from './leftovers.js';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/faultline.js');

function faultline(args: string[], onStderr?: (all: string) => void) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, CI: 'true' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (process.env['FAULTLINE_DEBUG_STDERR']) appendFileSync(process.env['FAULTLINE_DEBUG_STDERR'], d);
    onStderr?.(stderr);
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

// Ctrl-C in the middle of a run, through the real CLI: it must stop, heal, remove its containers and
// network, and leave a history that `faultline analyze` can check.
describe('faultline test, interrupted (real Docker, built CLI)', () => {
  it('SIGINT mid-run exits 130 with a checkable history and no leftovers', { timeout: 120_000 }, async () => {
    expect(existsSync(join(root, 'dist/src/cli/commands/test.js')), 'build first: npm run build').toBe(true);
    const store = mkdtempSync(join(tmpdir(), 'faultline-it-'));
    let sent = false;
    const run = faultline(
      [
        'test',
        'etcd',
        '--nodes',
        '3',
        '--nemesis',
        'partition',
        '--nemesis-interval',
        '2',
        '--time-limit',
        '120',
        '--store',
        store,
      ],
      (err) => {
        if (!sent && err.includes('run (120s)')) {
          sent = true;
          setTimeout(() => run.child.kill('SIGINT'), 6000);
        }
      },
    );
    run.child.stdin.end();
    const code = await run.exited;
    const { stdout, stderr } = run.output();
    expect(sent, stderr).toBe(true);
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/SIGINT: stopping/);
    expect(stdout).toMatch(/run interrupted: not checked/);

    const runDir = realpathSync(join(store, 'latest'));
    const test = JSON.parse(readFileSync(join(runDir, 'test.json'), 'utf8')) as {
      runId: string;
      status: string;
    };
    expect(test.status).toBe('interrupted');
    expect(await leftovers(test.runId)).toEqual({ containers: [], networks: [] });

    const history = await readHistory(join(runDir, 'history.jsonl'));
    expect(history.filter((o) => o.type === 'ok').length).toBeGreaterThan(10);
    // Every invocation was completed before the process exited (cut-short ops end as info).
    const open = new Set<unknown>();
    for (const o of history) {
      if (o.type === 'invoke') open.add(o.process);
      else open.delete(o.process);
    }
    expect(open.size).toBe(0);

    const analyze = faultline(['analyze', runDir]);
    analyze.child.stdin.end();
    expect([0, 1, 2]).toContain(await analyze.exited);
    expect(analyze.output().stdout).toMatch(/verdict: /);
  });
});
