// The run browser over real HTTP on 127.0.0.1: lists runs newest first, serves their files, and
// refuses every way out of the store (.., encoded separators, symlinks pointing outside).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverRuns } from '../../../reports/run-browser/discover-runs.js';
import { serveStore } from '../../../reports/run-browser/serve-store.js';
import { writeReport } from '../../../reports/write-report.js';
import { call, history } from '../../support/history.js';

const h = history(...call(0, 'write', 1), ...call(1, 'read', null, 1));

let root: string;
let store: string;
let server: Server;
let base: string;

/** GET with the path sent exactly as written (fetch would normalise `..` away). */
function get(path: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((done, fail) => {
    const url = new URL(base);
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'faultline-serve-'));
  store = join(root, 'store');
  writeFileSync(join(root, 'secret.txt'), 'outside the store');
  const ok = { checker: 'linearizability', valid: true as const, anomalies: [] };
  const bad = {
    checker: 'set',
    valid: false as const,
    anomalies: [{ id: 'lost', message: 'lost 1', ops: [0] }],
  };
  await writeReport(join(store, 'etcd-register', '20261123T220000.000Z'), {
    history: h,
    results: [ok],
    test: { name: 'etcd-register', startTime: '2026-11-23T22:00:00.000Z' },
  });
  await writeReport(join(store, 'etcd-set', '20261123T230000.000Z'), {
    history: h,
    results: [bad],
    test: { name: 'etcd-set <b>', startTime: '2026-11-23T23:00:00.000Z' },
  });
  mkdirSync(join(store, 'etcd-set', '20261123T230000.000Z', 'logs', 'n1'), { recursive: true });
  writeFileSync(join(store, 'etcd-set', '20261123T230000.000Z', 'logs', 'n1', 'etcd.log'), 'log line\n');
  // A test-all suite, a `latest` link (not listed twice), and a link out of the store (never served).
  mkdirSync(join(store, 'suites', 'nightly'), { recursive: true });
  writeFileSync(join(store, 'suites', 'nightly', 'index.json'), '{}');
  await writeReport(join(store, 'suites', 'nightly', 'pg-bank', '20261123T210000.000Z'), {
    history: h,
    results: [{ checker: 'bank', valid: 'unknown', anomalies: [], unknownReason: 'no reads' }],
    test: { name: 'pg-bank', startTime: '2026-11-23T21:00:00.000Z' },
  });
  // An interrupted run: test.json only.
  mkdirSync(join(store, 'etcd-set', '20261123T200000.000Z'), { recursive: true });
  writeFileSync(
    join(store, 'etcd-set', '20261123T200000.000Z', 'test.json'),
    JSON.stringify({ name: 'etcd-set', status: 'interrupted', startTime: '2026-11-23T20:00:00.000Z' }),
  );
  symlinkSync('etcd-set/20261123T230000.000Z', join(store, 'latest'));
  symlinkSync(root, join(store, 'escape'));
  const started = await serveStore({ store, port: 0 });
  server = started.server;
  base = started.url;
});

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  rmSync(root, { recursive: true, force: true });
});

describe('discoverRuns', () => {
  it('finds every directory with a results.json or test.json, newest first, without following links', async () => {
    const runs = await discoverRuns(store);
    expect(runs.map((r) => [r.path, r.verdict ?? r.status, r.suite])).toEqual([
      ['etcd-set/20261123T230000.000Z', false, undefined],
      ['etcd-register/20261123T220000.000Z', true, undefined],
      ['suites/nightly/pg-bank/20261123T210000.000Z', 'unknown', 'suites/nightly'],
      ['etcd-set/20261123T200000.000Z', 'interrupted', undefined],
    ]);
    expect(runs[0]).toMatchObject({ ops: 2, faults: 0, checkers: ['set: invalid'] });
    expect(runs[0]!.files).toEqual(['index.html', 'junit.xml', 'logs/', 'results.json']);
  });
});

describe('serveStore', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('lists runs with links to each report and file, escaping names', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('etcd-set &lt;b&gt;');
    expect(page.body).not.toContain('etcd-set <b>');
    expect(page.body).toContain('href="/runs/etcd-set/20261123T230000.000Z/index.html"');
    expect(page.body).toContain('href="/runs/etcd-set/20261123T230000.000Z/logs/"');
    expect(page.body.indexOf('etcd-set')).toBeLessThan(page.body.indexOf('etcd-register'));
  });

  it('serves a report, results.json and a log; lists a directory', async () => {
    const report = await get('/runs/etcd-register/20261123T220000.000Z/index.html');
    expect(report).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(report.body).toContain('faultline report');
    const results = await get('/runs/etcd-set/20261123T230000.000Z/results.json');
    expect(JSON.parse(results.body)).toMatchObject({ schemaVersion: 1, verdict: false });
    expect((await get('/runs/etcd-set/20261123T230000.000Z/logs/n1/etcd.log')).body).toBe('log line\n');
    expect((await get('/runs/etcd-set/20261123T230000.000Z/logs/')).body).toContain(
      'href="/runs/etcd-set/20261123T230000.000Z/logs/n1/"',
    );
    expect((await get('/runs/latest/results.json')).status).toBe(200);
    expect(JSON.parse((await get('/runs.json')).body)).toHaveLength(4);
  });

  it.each([
    '/runs/../secret.txt',
    '/runs/..%2fsecret.txt',
    '/runs/%2e%2e/secret.txt',
    '/runs/etcd-set/..%2F..%2Fsecret.txt',
    '/runs/escape/secret.txt',
    '/runs/%00',
    '/../secret.txt',
  ])('refuses %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the store');
  });
});
