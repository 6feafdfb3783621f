// `faultline check` through the real built CLI: exit codes, summaries, JSON, reports, every input error.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
      /^linearizability \(cas-register\): VALID\n {2}24 events, 9 ops searched, \d+ states explored/,
    );
  });

  it('exits 1 on an invalid history and prints a counterexample with model states', () => {
    const run = faultline('check', 'examples/register-invalid.jsonl', '--model', 'register');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('linearizability (register): INVALID');
    expect(run.stdout).toMatch(/Counterexample: \d+ of \d+ ops cannot be linearized/);
    expect(run.stdout).toMatch(/ops that cannot go next:\n {4}#\d+ p\d read .* in state \S+: /);
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

/** `faultline check FILE --txn rw-register --consistency MODEL`, which must exit `status` without warnings. */
function checkRwRegister(file: string, model: string, status: number): ReturnType<typeof faultline> {
  const run = faultline('check', file, '--txn', 'rw-register', '--consistency', model);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(status);
  return run;
}

describe('faultline check --txn', () => {
  // Issue 9's example: two rw edges whose version orders come from process order stay rw edges.
  it.each([
    ['causal', 0],
    ['strong-session-snapshot-isolation', 0],
    ['serializable', 0],
    ['strong-session-serializable', 1],
  ])('rw-register with version orders from process order: %s exits %i', (model, status) => {
    const run = checkRwRegister('examples/rw-register-strong-session-g2.edn', model, status);
    if (status === 1) expect(run.stdout).toContain('G2-item-process');
    expect(run.stdout).not.toContain('G1c-process');
  });

  // Issue 9's section 3: reading two committed versions of one key is a non-repeatable read, which
  // Adya's PL-2 allows and read atomic (Cerone; Biswas and Enea) and everything stronger forbid.
  it.each([
    ['read-uncommitted', 0],
    ['read-committed', 0],
    ['read-atomic', 1],
    ['repeatable-read', 1],
    ['snapshot-isolation', 1],
    ['serializable', 1],
  ])('a non-repeatable read between committed versions: %s exits %i', (model, status) => {
    const run = checkRwRegister('examples/rw-register-non-repeatable-read.edn', model, status);
    expect(run.stdout).toContain('non-repeatable read');
    expect(run.stdout).not.toContain('internal');
    // Issue 9's section 6: what was found is said even when the model allows it.
    if (status === 0)
      expect(run.stdout).toContain(
        `valid for ${model}; found G-single (allowed); strongest still possible: read-committed`,
      );
  });

  it('exits 0 on a valid list-append history (JSONL), naming the strongest models still possible', () => {
    const run = faultline(
      'check',
      'examples/list-append-valid.jsonl',
      '--txn',
      'list-append',
      '--consistency',
      'serializable',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^transactional \(list-append, serializable\): VALID\n {2}8 events, 4 transactions/,
    );
    expect(run.stdout).toContain('anomaly types: none found');
    expect(run.stdout).toContain('strongest models still possible: serializable');
  });

  it('exits 1 on G1c in a Jepsen EDN list-append history, explaining the cycle', () => {
    const run = faultline(
      'check',
      'examples/list-append-g1c.edn',
      '--txn',
      'list-append',
      '--consistency',
      'serializable',
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('transactional (list-append, serializable): INVALID');
    expect(run.stdout).toContain(
      'anomaly types: G1c (1)\n    G1c: Transactions read from or overwrote each other in a cycle',
    );
    expect(run.stdout).toMatch(/ruled out: read-committed, and so the \d+ stronger: .*serializable/);
    expect(run.stdout).toContain('strongest models still possible: read-uncommitted');
    expect(run.stdout).toMatch(
      /\nG1c: T1 read T0's append of 1 to key 1 .* a cycle of 2 transactions \(wr, wr\)/,
    );
    expect(run.stdout).toContain(
      '#0 p0 invoke txn [["append",1,1],["r",2,null]] -> ok [["append",1,1],["r",2,[1]]]',
    );
  });

  it('defaults to serializable, and --json prints the full result', () => {
    const run = faultline('check', 'examples/list-append-g1c.edn', '--txn', 'list-append', '--json');
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      checker: 'transactional',
      consistencyModel: 'serializable',
      valid: false,
      anomalyTypes: ['G1c'],
      notModels: ['read-committed'],
      possibleModels: ['read-uncommitted'],
    });
    expect(result['anomalies']).toEqual([expect.objectContaining({ id: 'G1c', ops: [0, 1] })]);
  });

  it('G1c is allowed by read-uncommitted', () => {
    const run = faultline(
      'check',
      'examples/list-append-g1c.edn',
      '--txn',
      'list-append',
      '--consistency',
      'read-uncommitted',
    );
    expect(run.status).toBe(0);
  });

  it('rejects a micro-op of another workload with its line', () => {
    const run = faultline('check', 'examples/list-append-valid.jsonl', '--txn', 'rw-register');
    expect(run.status).toBe(254);
    expect(run.stderr).toContain(
      'faultline: examples/list-append-valid.jsonl:1: micro-op ["append",1,1] is not ["w" key value] or ["r" key value]',
    );
  });

  it('--report writes the transactional result', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'faultline-e2e-')), 'report');
    const run = faultline('check', 'examples/list-append-g1c.edn', '--txn', 'list-append', '--report', dir);
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))).toMatchObject({
      verdict: false,
      checkers: [expect.objectContaining({ name: 'transactional', valid: false })],
    });
  });
});

describe('faultline check --failed-cas', () => {
  const bare = 'examples/cas-failed-bare.jsonl';
  const marked = 'examples/cas-failed-marked.jsonl';
  const sequential = ['--consistency', 'sequential'];
  it('a bare failed cas tells nothing by default (exit 0), and is a failed comparison under observe (exit 1)', () => {
    for (const extra of [[], sequential]) {
      expect(faultline('check', bare, '-m', 'cas-register', ...extra).status).toBe(0);
      const observe = faultline('check', bare, '-m', 'cas-register', ...extra, '--failed-cas', 'observe');
      expect(observe.stderr).toBe('');
      expect(observe.status).toBe(1);
      expect(observe.stdout).toContain('INVALID');
    }
    expect(faultline('check', bare, '-m', 'cas-register', '--failed-cas', 'ignore').status).toBe(0);
  });

  it("a fail marked error 'cas-mismatch' is a failed comparison under every reading", () => {
    for (const extra of [[], sequential, ['--failed-cas', 'observe']]) {
      const run = faultline('check', marked, '-m', 'cas-register', ...extra);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('INVALID');
    }
  });

  it.each([
    [['-m', 'cas-register', '--failed-cas', 'maybe'], "argument 'maybe' is invalid"],
    [
      ['-m', 'register', '--failed-cas', 'observe'],
      '--failed-cas observe does not apply to the register model',
    ],
    [
      ['--consistency', 'causal', '--failed-cas', 'observe'],
      '--failed-cas observe does not apply to --consistency causal',
    ],
    [
      ['--txn', 'list-append', '--failed-cas', 'observe'],
      '--failed-cas observe does not apply to --txn list-append',
    ],
  ])('%j is refused before the history is read', (args, message) => {
    const run = faultline('check', 'no/such/file.jsonl', ...args);
    expect(run.status).toBe(254);
    expect(run.stderr).toContain(message);
  });
});

describe('faultline check --consistency sequential and causal', () => {
  it('a stale read is sequentially consistent (exit 0) but not linearizable (exit 1)', () => {
    const file = 'examples/register-sequential-not-linearizable.jsonl';
    const sequential = faultline('check', file, '-m', 'register', '--consistency', 'sequential');
    expect(sequential.stderr).toBe('');
    expect(sequential.status).toBe(0);
    expect(sequential.stdout).toMatch(
      /^sequential: VALID\n {2}checked: one total order .* \(register model\)/,
    );
    const linearizable = faultline('check', file, '-m', 'register');
    expect(linearizable.status).toBe(1);
    expect(linearizable.stdout).toContain('linearizability (register): INVALID');
  });

  it('exits 1 on a kv history that breaks causal consistency, naming the bad pattern and its ops', () => {
    const run = faultline(
      'check',
      'examples/kv-causal-invalid.jsonl',
      '--model',
      'kv',
      '--consistency',
      'causal',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^causal: INVALID\n/);
    expect(run.stdout).toContain('bad patterns found: WriteCORead (1)');
    expect(run.stdout).toMatch(/\nWriteCORead: process 1's read "x" = 1 \(op #6\)/);
    expect(run.stdout).toContain('#6 p1 invoke read ["x",null] -> ok ["x",1]');
  });

  it('detects [key value] values without --model, and checks session guarantees', () => {
    const file = 'examples/kv-causal-invalid.jsonl';
    expect(faultline('check', file, '--consistency', 'causal').status).toBe(1);
    expect(faultline('check', file, '--consistency', 'monotonic-reads').status).toBe(1);
    expect(faultline('check', file, '--consistency', 'read-your-writes').status).toBe(0);
    expect(faultline('check', file, '--consistency', 'monotonic-writes').status).toBe(0);
    const json = faultline('check', file, '--consistency', 'monotonic-reads', '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ checker: 'monotonic-reads', valid: false });
  });

  it('exits 2 and says why when a value read was written twice', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-e2e-')), 'twice.jsonl');
    const ops = [
      [0, 'write', ['x', 1], ['x', 1]],
      [1, 'write', ['x', 1], ['x', 1]],
      [2, 'read', ['x', null], ['x', 1]],
    ].flatMap(([process, f, invoked, returned], i) => [
      { index: 2 * i, type: 'invoke', process, f, value: invoked, time: 2 * i },
      { index: 2 * i + 1, type: 'ok', process, f, value: returned, time: 2 * i + 1 },
    ]);
    writeFileSync(file, ops.map((op) => JSON.stringify(op)).join('\n') + '\n');
    const run = faultline('check', file, '--model', 'kv', '--consistency', 'causal');
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(
      /^causal: UNKNOWN\n {2}checked: .*\n {2}6 events\n {2}unknown because: value 1 was written/,
    );
  });

  it('rejects ops the causal checkers do not understand, with the line', () => {
    const run = faultline('check', 'examples/cas-register-valid.jsonl', '--consistency', 'causal');
    expect(run.status).toBe(254);
    expect(run.stderr).toMatch(
      /cas-register-valid\.jsonl:\d+: cas op: the causal checkers understand read and write ops only/,
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
    [['-m', 'register', '--budget', '0'], "option '--budget <n>' argument '0' is invalid"],
    [['-m', 'register', '--timeout', 'soon'], "option '--timeout <seconds>' argument 'soon' is invalid"],
    [['-m', 'register', '--initial', '{bad'], "option '--initial <json>' argument '{bad' is invalid"],
    [['-m', 'register', '--format', 'csv'], "option '--format <format>' argument 'csv' is invalid"],
    [['-m', 'register', '--nil-reads', 'maybe'], "argument 'maybe' is invalid"],
    [['-m', 'register', '--consistency', 'strong'], "unknown consistency model 'strong'"],
    [
      ['--consistency', 'serializable'],
      "'serializable' is a transactional model: add --txn list-append|rw-register.",
    ],
    [
      ['-m', 'cas-register', '--consistency', 'causal'],
      '--consistency causal does not work with the cas-register model\n  causal checks read/write histories: use --model register or kv',
    ],
    [['--consistency', 'sequential'], 'a model is required to check sequential consistency'],
    [['-m', 'register', '--consistency', 'sequential', '--timeout', '1'], '--timeout does not apply'],
    [['--consistency', 'causal', '--budget', '5'], '--budget does not apply to --consistency causal'],
    [
      ['--txn', 'bank'],
      "unknown transactional workload 'bank'\n  Use --txn with one of: list-append, rw-register.",
    ],
    [['--txn', 'list-append', '--consistency', 'linearizable'], 'is not a transactional consistency model'],
    [['--txn', 'list-append', '-m', 'kv'], '--model does not apply to --txn list-append'],
    [
      ['--txn', 'list-append'],
      'examples/register-valid.jsonl:1: invoke write: a list-append history has only txn ops',
    ],
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
