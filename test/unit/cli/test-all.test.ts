import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/core/checker.js';
import { describeSystems, supportedNemeses, supportedWorkloads } from '../../../src/cli/commands/systems.js';
import { formatSuiteTable } from '../../../src/cli/commands/test-all.js';
import { builtinSystems } from '../../../src/cli/registries.js';
import { renderJUnitSuites } from '../../../reports/render-junit.js';

const result = (checker: string, valid: CheckResult['valid'], ids: string[] = []): CheckResult => ({
  checker,
  valid,
  anomalies: ids.map((id) => ({ id, message: id })),
});

describe('faultline systems', () => {
  it('lists every registered system with its workloads and options', () => {
    const text = describeSystems(builtinSystems.map((system) => ({ system, source: 'built-in' })));
    const systems = Object.fromEntries(builtinSystems.map((s) => [s.name, s]));
    for (const name of Object.keys(systems)) expect(text).toContain(`${name}  `);
    expect(supportedWorkloads(systems['postgres']!)).toEqual(['list-append', 'rw-register', 'bank']);
    expect(supportedWorkloads(systems['zookeeper']!)).toEqual(['register']);
    expect(supportedNemeses(systems['redis']!)).toContain('kill');
    expect(text).toContain('--isolation <level>');
    expect(text).toContain('--redis-mode <mode>');
    expect(text).toContain('--serializable-reads');
    expect(text).toContain('promises:  transactions serializable');
  });
});

describe('faultline test-all output', () => {
  it('prints one row per test with verdict, ops and anomalies', () => {
    const table = formatSuiteTable([
      {
        test: 'pg-bank-none',
        verdict: true,
        status: 'passed',
        ops: { ok: 10, fail: 2, info: 0 },
        anomalies: '',
        runDir: 'a',
      },
      {
        test: 'pg-bank-kill',
        verdict: false,
        status: 'passed',
        ops: { ok: 5, fail: 7, info: 1 },
        anomalies: 'wrong-total×3',
        runDir: 'b',
      },
      {
        test: 'pg-bank-pause',
        verdict: undefined,
        status: 'crashed',
        ops: { ok: 0, fail: 0, info: 0 },
        anomalies: '',
        runDir: 'c',
      },
    ]);
    const lines = table.trim().split('\n');
    expect(lines[0]).toMatch(/^test\s+verdict\s+ops \(ok\/fail\/info\)\s+anomalies$/);
    expect(lines[1]).toMatch(/pg-bank-none\s+valid\s+10\/2\/0\s+-/);
    expect(lines[2]).toMatch(/pg-bank-kill\s+INVALID\s+5\/7\/1\s+wrong-total×3/);
    expect(lines[3]).toMatch(/pg-bank-pause\s+crashed/);
  });

  it('writes one JUnit document with a testsuite per run', () => {
    const xml = renderJUnitSuites('pg-suite', [
      { test: { name: 'a', seed: 1 }, results: [result('bank', true)] },
      {
        test: { name: 'b', seed: 2 },
        results: [result('bank', false, ['wrong-total']), result('some-ok', true)],
      },
    ]);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain('<testsuites name="pg-suite" tests="3" failures="1" errors="0" time="0.000">');
    expect(xml).toContain('type="invalid"');
  });
});
