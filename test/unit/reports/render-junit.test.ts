import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/core/checker.js';
import { renderJUnit } from '../../../reports/render-junit.js';

const valid: CheckResult = { checker: 'linearizability', valid: true, anomalies: [], stats: { ms: 1500 } };
const invalid: CheckResult = {
  checker: 'set',
  valid: false,
  anomalies: [
    { id: 'lost', message: 'add 1 was acknowledged but <lost>', ops: [0, 6] },
    { id: 'lost', message: 'add 2 was acknowledged', ops: [2] },
    { id: 'unexpected', message: 'read 99\u0001', ops: [6] },
  ],
};
const unknown: CheckResult = {
  checker: 'causal',
  valid: 'unknown',
  anomalies: [],
  unknownReason: 'values not unique',
};

describe('renderJUnit', () => {
  const xml = renderJUnit([valid, invalid, unknown], { name: 'etcd "set"', seed: 7 });

  it('counts tests, failures (invalid) and errors (unknown)', () => {
    expect(xml).toContain(
      '<testsuite name="etcd &quot;set&quot;" tests="3" failures="1" errors="1" skipped="0" time="1.500"',
    );
  });

  it('writes one testcase per checker; a valid one has no child', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('<testcase classname="etcd &quot;set&quot;" name="linearizability" time="1.500"/>');
  });

  it('puts the anomaly summary in the failure message and each anomaly in its text', () => {
    expect(xml).toContain('<failure type="invalid" message="set: invalid (lost ×2, unexpected)">');
    expect(xml).toContain('- lost: add 1 was acknowledged but &lt;lost&gt; [ops 0, 6]');
  });

  it('reports unknown as an error with the reason', () => {
    expect(xml).toContain(
      '<error type="unknown" message="causal: unknown (values not unique)">unknown: values not unique</error>',
    );
  });

  it('replaces control characters XML cannot hold', () => {
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('read 99\ufffd');
  });

  it('records the test as properties', () => {
    expect(xml).toContain('<property name="seed" value="7"/>');
  });
});
