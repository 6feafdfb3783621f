// `faultline serve` through the real built CLI: prints its URL, serves the store, stops on SIGINT.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../../reports/write-report.js';
import { call, history } from '../../support/history.js';
import { buildOnce, root } from '../support/build-once.js';
import { faultline } from '../support/run-cli.js';

beforeAll(() => buildOnce());

describe('faultline serve', () => {
  it('serves the runs of --store on 127.0.0.1 until SIGINT, then exits 0', { timeout: 60_000 }, async () => {
    const store = mkdtempSync(join(tmpdir(), 'faultline-serve-cli-'));
    await writeReport(join(store, 'etcd-set', '20261123T230000.000Z'), {
      history: history(...call(0, 'add', 1)),
      results: [{ checker: 'set', valid: true, anomalies: [] }],
      test: { name: 'etcd-set' },
    });
    const child = spawn(
      process.execPath,
      [join(root, 'bin/faultline.js'), 'serve', '--port', '0', '--store', store],
      {
        cwd: root,
      },
    );
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) done(m[1]!);
      });
      child.on('exit', () => fail(new Error(`serve exited early: ${out}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="/runs/etcd-set/20261123T230000.000Z/index.html"');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('says what to do when the store does not exist', () => {
    const run = faultline('serve', '--store', join(tmpdir(), 'no-such-faultline-store'));
    expect(run.status).toBe(254);
    expect(run.stderr).toContain('does not exist');
    expect(run.stderr).toContain('--store');
  });

  it('rejects a port that is not a number', () => {
    const run = faultline('serve', '--port', 'http');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('port number');
  });
});
