// `faultline check` through the real built CLI: exit codes, summaries, JSON, reports, every input error.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce } from './support/build-once.js';
import { faultline } from './support/run-cli.js';

const fixture = (name: string): string => `test/fixtures/histories/${name}`;

beforeAll(() => buildOnce());

describe('faultline check verdicts', () => {
  it('exits 0 on a valid history and prints the verdict', () => {
    const run = faultline('check', 'examples/cas-register-valid.jsonl', '--model', 'cas-register');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^linearizability \(cas-register\): VALID\n {2}24 events, 10 ops searched, \d+ states explored/,
    );
  });

  it('exits 1 on an invalid history and prints a counterexample with model states', () => {
    const run = faultline('check', 'examples/register-invalid.jsonl', '--model', 'register');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('linearizability (register): INVALID');
    expect(run.stdout).toMatch(/Counterexample: \d+ of \d+ ops cannot be linearized/);
    expect(run.stdout).toMatch(/ops that cannot go next:\n {4}#\d+ p\d read .* in state \d+: /);
  });

  it('exits 2 when the budget runs out, saying how far it got', () => {
    const run = faultline(
      'check',
      'examples/cas-register-valid.jsonl',
      '-m',
      'cas-register',
      '--budget',
      '2',
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('UNKNOWN');
    expect(run.stdout).toMatch(/budget of 2 states ran out/);
  });

  it('checks a Jepsen EDN history key by key with --independent', () => {
    const valid = faultline(
      'check',
      'examples/jepsen-independent-valid.edn',
      '--model',
      'cas-register',
      '--independent',
    );
    expect(valid.status).toBe(0);
    expect(valid.stdout).toContain('keys: 2 valid, 0 invalid, 0 unknown');
    const invalid = faultline(
      'check',
      'examples/jepsen-independent-invalid.edn',
      '-m',
      'cas-register',
      '--independent',
    );
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toMatch(/Counterexample on key 1:/);
  });

  it('reads Knossos EDN data (one vector of maps)', () => {
    const run = faultline(
      'check',
      'examples/knossos-cas-register.edn',
      '--model',
      'cas-register',
      '--format',
      'edn',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('12 events');
  });

  it('applies --initial as JSON', () => {
    expect(faultline('check', fixture('initial-zero.jsonl'), '-m', 'cas-register').status).toBe(1);
    expect(
      faultline('check', fixture('initial-zero.jsonl'), '-m', 'cas-register', '--initial', '0').status,
    ).toBe(0);
    expect(
      faultline('check', fixture('initial-zero.jsonl'), '-m', 'cas-register', '--initial', '"0"').status,
    ).toBe(1);
  });

  it('treats a nil read as unknown only with --nil-reads unknown', () => {
    expect(faultline('check', fixture('nil-read-after-write.jsonl'), '-m', 'register').status).toBe(1);
    const run = faultline(
      'check',
      fixture('nil-read-after-write.jsonl'),
      '-m',
      'register',
      '--nil-reads',
      'unknown',
    );
    expect(run.status).toBe(0);
  });

  it('warns on stderr, and still checks, when a process invokes after an info completion', () => {
    const run = faultline('check', fixture('reused-process.jsonl'), '-m', 'register');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^warning: test\/fixtures\/histories\/reused-process\.jsonl:3: process 0 invokes read after one of its ops crashed/,
    );
  });
});

describe('faultline check output', () => {
  it('--json prints the full result as parseable JSON', () => {
    const run = faultline('check', 'examples/cas-register-invalid.jsonl', '-m', 'cas-register', '--json');
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ checker: 'linearizability', valid: false, model: 'cas-register' });
    expect(result['counterexample']).toMatchObject({ stuck: expect.any(Array) as unknown });
    expect(result['anomalies']).toEqual([expect.objectContaining({ id: 'nonlinearizable' })]);
  });

  it('--report writes the report files and a history.jsonl that checks the same way', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'faultline-e2e-')), 'report');
    const run = faultline(
      'check',
      'examples/jepsen-independent-valid.edn',
      '-m',
      'cas-register',
      '--independent',
      '--report',
      dir,
    );
    expect(run.status).toBe(0);
    for (const name of ['index.html', 'results.json', 'junit.xml', 'history.jsonl'])
      expect(run.stderr).toContain(join(dir, name));
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))).toMatchObject({
      verdict: true,
      exitCode: 0,
      checkers: [expect.objectContaining({ name: 'linearizability', valid: true })],
    });
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('linearizability');
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('<testcase');
    expect(readFileSync(join(dir, 'history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(22);
    const again = faultline(
      'check',
      join(dir, 'history.jsonl'),
      '-m',
      'cas-register',
      '--independent',
      '--json',
    );
    expect(again.status).toBe(0);
  });
});

describe('faultline check rejects bad input with exit 254, naming the line', () => {
  it.each([
    ['completion-without-invoke.jsonl', ':3: ok completion of read on process 1 has no invocation'],
    ['busy-process.jsonl', ':4: process 1 invokes write while its read invoked at line 3 has not completed'],
    ['f-mismatch.jsonl', ':4: process 1 completes write but invoked read at line 3'],
    ['unknown-type.jsonl', ':4: unknown type "success": expected invoke, ok, fail or info'],
    ['bad-model-value.jsonl', ':3: invalid value for the cas-register model: a cas value is [old new]'],
    ['missing-process.jsonl', ':3: missing field "process"'],
    ['malformed-json.jsonl', ':3: not valid JSON'],
    ['truncated.jsonl', ':4: the last line is not valid JSON'],
    ['bad-syntax.edn', ":2: '}' closes the vector opened at line 2, which needs ']'"],
  ])('%s', (name, message) => {
    const run = faultline('check', fixture(name), '--model', 'cas-register');
    expect(run.status).toBe(254);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`faultline: ${fixture(name)}${message}`);
  });

  it('a value that is not a [key value] tuple under --independent', () => {
    const run = faultline('check', fixture('not-independent.edn'), '-m', 'register', '--independent');
    expect(run.status).toBe(254);
    expect(run.stderr).toContain(':2: value 3 is not a [key, value] tuple');
  });

  it('a truncated final line is dropped with --ignore-truncated', () => {
    const run = faultline('check', fixture('truncated.jsonl'), '-m', 'register', '--ignore-truncated');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3 events');
  });

  it('a report folder that cannot be written', () => {
    const run = faultline(
      'check',
      'examples/register-valid.jsonl',
      '-m',
      'register',
      '--report',
      'package.json/out',
    );
    expect(run.status).toBe(254);
    expect(run.stderr).toContain('faultline: cannot write the report to package.json/out');
  });

  it('a missing file', () => {
    const run = faultline('check', 'no/such/history.jsonl', '-m', 'register');
    expect(run.status).toBe(254);
    expect(run.stderr).toContain('faultline: no/such/history.jsonl: cannot read the history: no such file');
  });
});

describe('faultline check rejects bad arguments with exit 254', () => {
  it.each([
    [['--bogus'], "unknown option '--bogus'"],
    [['--model', 'nope'], "unknown model 'nope'"],
    [[], 'a model is required'],
    [['-m', 'register', '--budget', '0'], "option '--budget <states>' argument '0' is invalid"],
    [['-m', 'register', '--timeout', 'soon'], "option '--timeout <seconds>' argument 'soon' is invalid"],
    [['-m', 'register', '--initial', '{bad'], "option '--initial <json>' argument '{bad' is invalid"],
    [['-m', 'register', '--format', 'csv'], "option '--format <format>' argument 'csv' is invalid"],
    [['-m', 'register', '--nil-reads', 'maybe'], "argument 'maybe' is invalid"],
    [
      ['-m', 'register', '--consistency', 'causal'],
      "consistency model 'causal' is not available yet\n  Available: linearizable.",
    ],
    [['--txn', 'list-append'], 'transactional checking (--txn list-append) is not available yet'],
  ])('%j', (args, message) => {
    const run = faultline('check', 'examples/register-valid.jsonl', ...args);
    expect(run.status).toBe(254);
    expect(run.stderr).toContain(message);
  });

  it('an argument error is reported before the file is read', () => {
    const run = faultline('check', 'no/such/file.jsonl', '--model', 'nope');
    expect(run.stderr).toContain("unknown model 'nope'");
  });

  it('an unknown top-level command or a missing file argument', () => {
    expect(faultline('frobnicate').status).toBe(254);
    const run = faultline('check');
    expect(run.status).toBe(254);
    expect(run.stderr).toContain("missing required argument 'file'");
  });
});

describe('faultline help', () => {
  it('check --help lists every model and ends with examples', () => {
    const run = faultline('check', '--help');
    expect(run.status).toBe(0);
    for (const model of ['register', 'cas-register', 'kv', 'set', 'queue', 'counter', 'mutex']) {
      expect(run.stdout).toMatch(new RegExp(`^ {2}${model} +\\S`, 'm'));
    }
    expect(run.stdout.trimEnd()).toMatch(/Examples:\n( {2}\$ faultline check .*\n?)+$/);
  });

  it('--help lists the check command, and --version prints the package version', () => {
    expect(faultline('--help').stdout).toMatch(/check \[options\] <file>/);
    const version = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(faultline('--version').stdout.trim()).toBe(version.version);
  });
});
