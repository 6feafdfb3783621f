// The tutorial's plugin (examples/tarantool), run the way docs/writing-a-system.md tells a user to:
// a separate package that depends on faultline, installed with npm, type-checked against the
// installed faultline, then `npx faultline test ./tarantool.ts --nemesis partition,kill`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root } from '../../e2e/support/build-once.js';

const example = join(root, 'examples/tarantool');

function run(command: string, args: string[], timeoutMs: number) {
  const r = spawnSync(command, args, { cwd: example, encoding: 'utf8', timeout: timeoutMs });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

beforeAll(() => buildOnce());

describe('the Tarantool plugin of the tutorial', () => {
  it('installs as its own package and type-checks against the installed faultline', () => {
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund'], 300_000);
    expect(install.status, install.out).toBe(0);
    const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json'], 120_000);
    expect(typecheck.status, typecheck.out).toBe(0);
  }, 420_000);

  it('faultline test ./tarantool.ts --nemesis partition,kill gives a verdict and a report', () => {
    const store = mkdtempSync(join(tmpdir(), 'faultline-tarantool-'));
    const args = ['faultline', 'test', './tarantool.ts', '--nodes', '3', '--nemesis', 'partition,kill'];
    const r = run('npx', [...args, '--time-limit', '20', '--nemesis-interval', '4', '--seed', '7', '--store', store], 400_000);
    expect(r.out).toMatch(/tarantool 2\.6\.\S+ is up on n1, n2, n3/);
    expect(r.out).toMatch(/verdict: (valid|INVALID|unknown)/);
    expect([0, 1, 2]).toContain(r.status);
    const dir = /run directory: (\S+)/.exec(r.out)?.[1];
    expect(dir).toBeDefined();
    expect(existsSync(join(dir!, 'index.html'))).toBe(true);
    const results = JSON.parse(readFileSync(join(dir!, 'results.json'), 'utf8')) as object;
    expect(JSON.stringify(results)).toContain('linearizability');
    const history = readFileSync(join(dir!, 'history.jsonl'), 'utf8');
    expect(history).toMatch(/"process":"nemesis".*"kill|"process":"nemesis".*"partition|"f":"(kill|start-partition)/);
  }, 420_000);
});
