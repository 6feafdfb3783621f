import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers } from './leftovers.js';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/faultline.js');

/** Spawns the built CLI; `onStderr` sees all of stderr so far after each chunk. */
function faultline(args: string[], onStderr?: (all: string) => void) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, CI: 'true' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    onStderr?.(stderr);
  });
  child.stdin.end();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** A short etcd run storing into `store`. */
function etcdRun(store: string, timeLimitS: number, onStderr?: (all: string) => void) {
  const args = ['test', 'etcd', '--nodes', '1', '--time-limit', String(timeLimitS), '--store', store];
  return faultline(args, onStderr);
}

// kill -9 gives a run no chance to clean up: its containers and network stay. The next run must
// remove them (their owner process is gone) and say so in one line, as testcontainers' reaper does.
describe('faultline test after a run killed with kill -9 (real Docker, built CLI)', () => {
  it('the next run reaps the killed run and says so in one line', { timeout: 120_000 }, async () => {
    expect(existsSync(join(root, 'dist/src/cli/commands/test.js')), 'build first: npm run build').toBe(true);
    const killedStore = mkdtempSync(join(tmpdir(), 'faultline-it-'));
    let killed = false;
    const first = etcdRun(killedStore, 120, (err) => {
      if (!killed && err.includes('run (120s)')) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    });
    const end = await first.exited;
    expect(killed, first.output().stderr).toBe(true);
    expect(end.signal).toBe('SIGKILL');

    // Started right away, so that another test's run reaping the same leftovers first is unlikely.
    const second = etcdRun(mkdtempSync(join(tmpdir(), 'faultline-it-')), 2);
    const runDir = realpathSync(join(killedStore, 'latest'));
    const { runId } = JSON.parse(readFileSync(join(runDir, 'test.json'), 'utf8')) as { runId: string };
    const { code } = await second.exited;
    const { stderr } = second.output();
    expect(code, stderr).toBe(0);
    const reapLines = stderr.split('\n').filter((l) => / left by killed runs? /.test(l));
    expect(reapLines, stderr).toHaveLength(1);
    expect(reapLines[0]).toMatch(/removed [1-9]\d* containers? and [1-9]\d* networks? left by killed runs? /);
    expect(reapLines[0]).toContain(runId);
    expect(await leftovers(runId)).toEqual({ containers: [], networks: [] });
  });
});
