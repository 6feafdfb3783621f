import type { CheckResult } from '../src/core/checker.js';
import { summarizeResult } from './anomaly-summary.js';
import { showValue } from './show-value.js';
import type { TestInfo } from './test-info.js';

/** XML 1.0 forbids most control characters even escaped; they become U+FFFD. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function xml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function details(result: CheckResult): string {
  const lines = result.anomalies.map((a) => {
    const ops = a.ops?.length
      ? ` [ops ${a.ops.slice(0, 20).join(', ')}${a.ops.length > 20 ? ', …' : ''}]`
      : '';
    return `- ${a.id}: ${showValue(a.message, 2000)}${ops}`;
  });
  if (result.valid === 'unknown') lines.unshift(`unknown: ${result.unknownReason ?? 'no reason given'}`);
  return lines.join('\n');
}

/** One `<testsuite>` element (indented two spaces) with a testcase per checker. */
export function renderJUnitTestsuite(results: readonly CheckResult[], test: TestInfo = {}): string {
  const suite = test.name ?? ([test.system, test.workload].filter(Boolean).join('-') || 'faultline');
  const failures = results.filter((r) => r.valid === false).length;
  const errors = results.filter((r) => r.valid === 'unknown').length;
  const seconds = (r: CheckResult): string => ((r.stats?.['ms'] ?? 0) / 1000).toFixed(3);
  const total = results.reduce((s, r) => s + (r.stats?.['ms'] ?? 0), 0) / 1000;
  const cases = results.map((r) => {
    const open = `    <testcase classname="${xml(suite)}" name="${xml(r.checker)}" time="${seconds(r)}"`;
    if (r.valid === true) return `${open}/>`;
    const tag = r.valid === false ? 'failure' : 'error';
    const type = r.valid === false ? 'invalid' : 'unknown';
    return [
      `${open}>`,
      `      <${tag} type="${type}" message="${xml(summarizeResult(r))}">${xml(details(r))}</${tag}>`,
      `    </testcase>`,
    ].join('\n');
  });
  const props = Object.entries({
    system: test.system,
    version: test.version,
    workload: test.workload,
    nemesis: test.nemesis,
    seed: test.seed,
    command: test.command,
  })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `      <property name="${k}" value="${xml(String(v))}"/>`);
  return [
    `  <testsuite name="${xml(suite)}" tests="${results.length}" failures="${failures}" errors="${errors}" skipped="0" time="${total.toFixed(3)}"${test.startTime ? ` timestamp="${xml(test.startTime)}"` : ''}>`,
    ...(props.length ? ['    <properties>', ...props.map((p) => `  ${p}`), '    </properties>'] : []),
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

/**
 * JUnit XML with one testcase per checker. Invalid gives `<failure>`; unknown gives `<error
 * type="unknown">`, not `<skipped>`, because a checker that could not decide must not look like a
 * pass in CI (the exit code is 2, not 0). `time` is the checker's `stats.ms` when it reports one.
 */
export function renderJUnit(results: readonly CheckResult[], test: TestInfo = {}): string {
  return renderJUnitSuites('faultline', [{ results, test }]);
}

/** One JUnit document of several runs: a `<testsuite>` each under one `<testsuites>` root. */
export function renderJUnitSuites(
  name: string,
  runs: readonly { results: readonly CheckResult[]; test: TestInfo }[],
): string {
  const all = runs.flatMap((r) => r.results);
  const failures = all.filter((r) => r.valid === false).length;
  const errors = all.filter((r) => r.valid === 'unknown').length;
  const total = all.reduce((s, r) => s + (r.stats?.['ms'] ?? 0), 0) / 1000;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${all.length}" failures="${failures}" errors="${errors}" time="${total.toFixed(3)}">`,
    ...runs.map((r) => renderJUnitTestsuite(r.results, r.test)),
    '</testsuites>',
    '',
  ].join('\n');
}
