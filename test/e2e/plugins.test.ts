// Loading a user's system through the real built CLI: every bad plugin and bad option fails with a
// clear error before anything starts. DOCKER_HOST points nowhere, so a command that reached Docker
// would fail with a different error, and no store directory may appear.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root } from './support/build-once.js';

beforeAll(() => buildOnce());

const fixture = (name: string): string => join(root, 'test/fixtures/plugins', name);
const store = mkdtempSync(join(tmpdir(), 'faultline-plugins-'));

function faultline(args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'bin/faultline.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `faultline test <plugin> ...` must fail with 254 and `message`, without touching Docker. */
function expectRefused(args: string[], message: RegExp): void {
  const dir = join(store, String(Math.random()).slice(2));
  const run = faultline(['test', ...args, '--store', dir]);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/docker/i);
  expect(run.status).toBe(254);
  expect(existsSync(dir)).toBe(false);
}

describe('bad plugins are refused before anything starts', () => {
  it('a module that exports no system', () => {
    expectRefused([fixture('no-export.mjs')], /System plugin .*no-export\.mjs does not export a system/);
  });

  it('a required member missing', () => {
    expectRefused([fixture('missing-setup.mjs')], /nosetup has no setup\(\) function/);
  });

  it("an option that clashes with faultline's own flag", () => {
    expectRefused(
      [fixture('clashing-option.mjs')],
      /option --nodes <n> clashes with faultline's own --nodes flag/,
    );
  });

  it('a workload without a client', () => {
    expectRefused([fixture('no-client.mjs')], /workload register has no client/);
  });

  it('a plugin for another SDK version', () => {
    expectRefused(
      [fixture('old-sdk.mjs')],
      /written for system SDK version 99, but this faultline has version 1/,
    );
  });

  it('a module that throws while loading, and a missing file', () => {
    expectRefused([fixture('throws.mjs')], /could not be loaded: cannot find my config/);
    expectRefused(['./no/such/plugin.ts'], /no such file/);
    expectRefused(['no-such-system'], /Unknown system no-such-system: not built in.*Known systems: etcd/);
  });
});

describe('a TypeScript plugin runs without a build step', () => {
  it('its options are flags: bad choice, bad combination, other systems’ flags', () => {
    expectRefused(
      [fixture('valid-plugin.ts'), '--toy-mode', 'turbo'],
      /--toy-mode turbo is not valid for toydb/,
    );
    expectRefused(
      [fixture('valid-plugin.ts'), '--toy-mode', 'fast', '--nodes', '3'],
      /--toy-mode fast runs on one node only/,
    );
    expectRefused(
      [fixture('valid-plugin.ts'), '--redis-mode', 'single'],
      /--redis-mode is an option of redis, not of toydb/,
    );
    expectRefused(
      [fixture('valid-plugin.ts'), '--workload', 'bank'],
      /--workload bank is not supported by toydb/,
    );
  });

  it('--help and faultline systems show its options beside the built-ins', () => {
    const help = faultline(['test', fixture('valid-plugin.ts'), '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--toy-mode <mode>\s+toydb: fast \| safe/);
    expect(help.stdout).toMatch(/--serializable-reads\s+etcd:/);
    const list = faultline(['systems', fixture('valid-plugin.ts')]);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^toydb {2}a fixture system .*\[plugin /m);
    expect(list.stdout).toMatch(/^etcd {2}/m);
  });

  it('a faultline.config.json in the working directory adds its systems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-config-'));
    writeFileSync(
      join(dir, 'faultline.config.json'),
      JSON.stringify({ systems: [fixture('valid-plugin.ts')] }),
    );
    const list = faultline(['systems'], dir);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^toydb {2}/m);
    const run = faultline(['test', 'toydb', '--toy-mode', 'turbo'], dir);
    expect(run.stderr).toMatch(/--toy-mode turbo is not valid for toydb/);
    expect(run.status).toBe(254);
  });
});

describe('built-in systems validate their options before anything starts', () => {
  it('redis refuses Sentinel on 2 nodes and an unknown mode', () => {
    expectRefused(['redis', '--nodes', '2'], /Sentinel needs at least 3 nodes/);
    expectRefused(['redis', '--redis-mode', 'chaos'], /--redis-mode chaos is not valid for redis/);
    expectRefused(
      ['postgres', '--workload', 'bank', '--isolation', 'chaos'],
      /--isolation chaos is not valid for postgres/,
    );
  });
});

describe('faultline new system', () => {
  it('writes a working skeleton: the Tarantool example renamed, with its own test script', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-new-'));
    const run = faultline(['new', 'system', 'mydb'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const system = readFileSync(join(dir, 'mydb/mydb.ts'), 'utf8');
    expect(system).toContain("name: 'mydb'");
    expect(system).toContain('// EDIT:');
    const pkg = JSON.parse(readFileSync(join(dir, 'mydb/package.json'), 'utf8')) as {
      scripts: { test: string };
      dependencies: { faultline: string };
    };
    expect(pkg.scripts.test).toBe(
      'faultline test ./mydb.ts --nodes 3 --nemesis partition,kill --time-limit 30',
    );
    expect(pkg.dependencies.faultline).toBe(`file:${root}`);
    expect(faultline(['new', 'system', 'mydb'], dir).stderr).toMatch(/exists already/);
    expect(faultline(['new', 'system', 'My DB'], dir).status).toBe(254);
  });
});
