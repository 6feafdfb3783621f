import { randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { CheckResult } from '../../core/checker.js';
import { FaultlineError } from '../../core/errors.js';
import type { System } from '../../core/system.js';
import { mergeVerdicts, type Verdict } from '../../core/verdict.js';
import { nodeNames } from '../../control/docker-cluster.js';
import { runTest } from '../../runner/run-test.js';
import { runTimestamp } from '../../runner/run-store.js';
import { nemesisKinds, nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { PARTITION_MODES, type PartitionMode } from '../../../nemesis/grudge.js';
import { anomalyCounts } from '../../../reports/anomaly-summary.js';
import { renderJUnit } from '../../../reports/render-junit.js';
import { positiveInteger, positiveSeconds } from '../option-parsers.js';
import { systems, workloads, type SystemName, type WorkloadName } from '../registries.js';
import {
  addSystemWorkloadOptions,
  systemOptionsOf,
  validateSystemWorkloadFlags,
  workloadOptionsOf,
  type RunFlags,
  type SystemWorkloadFlags,
} from '../test-options.js';
import { supportedNemeses, supportedWorkloads } from './systems.js';

interface TestAllFlags extends SystemWorkloadFlags, RunFlags {
  workloads?: string;
  nemeses?: string;
  testCount: number;
}

/** One test of a suite and how it ended. */
export interface SuiteRow {
  test: string;
  verdict: Verdict | undefined;
  status: string;
  ops: { ok: number; fail: number; info: number };
  anomalies: string;
  runDir: string;
}

/** Faults test-all runs only when --nemeses names them: clocks (libfaketime reaches few binaries) and the file-system faults (an extra image layer and FUSE privileges). */
const OPT_IN_NEMESES: readonly string[] = ['clock', 'lose-unfsynced', 'corrupt'];

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function pick<T extends string>(option: string, values: readonly string[], allowed: readonly T[]): T[] {
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v)) {
      throw new FaultlineError('BAD_ARGUMENT', `${option} ${v} is not available here.`, {
        hint: `Use some of: ${allowed.join(', ')}.`,
      });
    }
  }
  return values as T[];
}

const word = (v: Verdict | undefined, status: string): string =>
  v === true ? 'valid' : v === false ? 'INVALID' : v === 'unknown' ? 'unknown' : status;

/** The summary table test-all prints: test, verdict, ops and anomalies per run. */
export function formatSuiteTable(rows: readonly SuiteRow[]): string {
  const cells = [['test', 'verdict', 'ops (ok/fail/info)', 'anomalies']].concat(
    rows.map((r) => [
      r.test,
      word(r.verdict, r.status),
      `${r.ops.ok}/${r.ops.fail}/${r.ops.info}`,
      r.anomalies || '-',
    ]),
  );
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return (
    cells.map((c) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join('  ')).join('\n') +
    '\n'
  );
}

/** One JUnit document for the whole suite: each run's testsuite element, under one testsuites root. */
export function suiteJUnit(
  name: string,
  runs: readonly { results: readonly CheckResult[]; test: string; seed: number }[],
): string {
  const suites = runs.map((r) => {
    const doc = renderJUnit(r.results, { name: r.test, seed: r.seed });
    return /<testsuite [\s\S]*<\/testsuite>/.exec(doc)?.[0] ?? '';
  });
  const tests = runs.reduce((n, r) => n + r.results.length, 0);
  const failures = runs.reduce((n, r) => n + r.results.filter((x) => x.valid === false).length, 0);
  const errors = runs.reduce(
    (n, r) => n + r.results.filter((x) => x.valid === 'unknown' || r.results.length === 0).length,
    0,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${name.replace(/[<&"]/g, '_')}" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites.map((s) => `  ${s}`),
    '</testsuites>',
    '',
  ].join('\n');
}

/** `faultline test-all <system>`: every supported workload x nemesis, N times each, as one suite. */
export function addTestAllCommand(program: Command): void {
  const command = program
    .command('test-all')
    .description(
      'Run every supported workload x nemesis combination of a system (N times each) as one suite.',
    )
    .argument('<system>', `database: ${Object.keys(systems).join(', ')}`)
    .option('--workloads <names>', 'comma-separated workloads (default: all the system supports)')
    .option(
      '--nemeses <kinds>',
      'comma-separated nemeses, each its own test; none, or a+b to combine (default: none and each supported kind)',
    )
    .option('--test-count <n>', 'runs of each combination', positiveInteger, 1)
    .option('--partition <modes>', `partition modes to draw from (${PARTITION_MODES.join(', ')})`)
    .option('--nodes <n>', 'cluster size', positiveInteger, 3)
    .option('--concurrency <n>', 'client workers (default 2 per node)', positiveInteger)
    .option('--time-limit <seconds>', 'how long each test runs its workload', positiveSeconds, 30)
    .option('--rate <ops/s>', 'target client ops per second', positiveSeconds, 100)
    .option(
      '--seed <n>',
      'seed of the first test; the i-th test uses seed + i (default: random)',
      positiveInteger,
    )
    .option(
      '--nemesis-interval <seconds>',
      'seconds between a fault starting and stopping',
      positiveSeconds,
      5,
    );
  addSystemWorkloadOptions(command)
    .option('--store <dir>', 'where runs are stored', 'store')
    .addHelpText(
      'after',
      `
The suite is stored in <store>/<system>-suite/<timestamp>/ with index.json, junit.xml and one
directory per run; \`faultline serve\` shows it as one suite. Exit code: the worst verdict
(1 invalid > 2 unknown > 0 valid), 255 when a run crashed.

Examples:
  $ faultline test-all postgres --nodes 1 --nemeses none,kill --isolation serializable --time-limit 20
  $ faultline test-all redis --nodes 3 --workloads set --nemeses partition --partition primary --test-count 3
  $ faultline test-all zookeeper --nodes 3 --sequential`,
    )
    .action(async (systemName: string, flags: TestAllFlags) => {
      const names = Object.keys(systems) as SystemName[];
      const system: System = systems[pick('<system>', [systemName], names)[0]!];
      const supported = supportedWorkloads(system) as WorkloadName[];
      const chosenWorkloads = flags.workloads
        ? pick('--workloads', list(flags.workloads), supported)
        : supported;
      const nemesisSpecs = flags.nemeses
        ? list(flags.nemeses)
        : ['none', ...supportedNemeses(system).filter((k) => !OPT_IN_NEMESES.includes(k))];
      for (const spec of nemesisSpecs)
        if (spec !== 'none') pick('--nemeses', spec.split('+'), Object.keys(nemesisKinds));
      const partitionModes = flags.partition
        ? pick('--partition', list(flags.partition), PARTITION_MODES as readonly PartitionMode[])
        : undefined;
      validateSystemWorkloadFlags(flags);
      const started = new Date();
      const suiteDir = join(flags.store, `${system.name}-suite`, runTimestamp(started));
      mkdirSync(suiteDir, { recursive: true });
      const baseSeed = flags.seed ?? randomInt(1, 2 ** 30);
      const rows: SuiteRow[] = [];
      const runs: { results: CheckResult[]; test: string; seed: number }[] = [];
      const exitCodes: number[] = [];
      const writeIndex = (): void => {
        writeFileSync(
          join(suiteDir, 'index.json'),
          JSON.stringify(
            {
              suite: `${system.name}-suite`,
              system: system.name,
              startTime: started.toISOString(),
              baseSeed,
              command: ['faultline', ...process.argv.slice(2)],
              tests: rows,
            },
            null,
            2,
          ),
        );
        writeFileSync(join(suiteDir, 'junit.xml'), suiteJUnit(`${system.name}-suite`, runs));
      };
      let i = 0;
      for (const workloadName of chosenWorkloads) {
        for (const spec of nemesisSpecs) {
          for (let n = 0; n < flags.testCount; n++, i++) {
            const kinds = spec === 'none' ? [] : spec.split('+');
            const test = `${system.name}-${workloadName}-${spec}${flags.testCount > 1 ? `-${n + 1}` : ''}`;
            const seed = baseSeed + i;
            process.stderr.write(`\n== ${test} (seed ${seed})\n`);
            const nemesis =
              kinds.length === 0
                ? undefined
                : nemesisPackage(kinds, {
                    nodes: nodeNames(flags.nodes),
                    ...(partitionModes ? { partitionModes } : {}),
                  });
            const outcome = await runTest({
              name: test,
              system,
              workload: workloads[workloadName],
              ...(nemesis ? { nemesis } : {}),
              nodes: flags.nodes,
              concurrency: flags.concurrency ?? 2 * flags.nodes,
              timeLimitS: flags.timeLimit,
              rate: flags.rate,
              seed,
              nemesisIntervalS: flags.nemesisInterval,
              storeDir: suiteDir,
              systemOptions: systemOptionsOf(flags),
              workloadOptions: workloadOptionsOf(flags, system),
              command: ['faultline', ...process.argv.slice(2)],
            });
            const anomalies = outcome.results
              .flatMap((r) => anomalyCounts(r).map(([id, count]) => `${id}×${count}`))
              .join(' ');
            rows.push({
              test,
              verdict: outcome.verdict,
              status: outcome.status,
              ops: outcome.counts,
              anomalies,
              runDir: outcome.runDir,
            });
            runs.push({ results: outcome.results, test, seed });
            exitCodes.push(outcome.exitCode);
            writeIndex();
          }
        }
      }
      process.stdout.write('\n' + formatSuiteTable(rows));
      const verdict = mergeVerdicts(rows.map((r) => r.verdict ?? 'unknown'));
      process.stdout.write(
        `suite verdict: ${word(verdict, 'unknown')} (${rows.length} tests)\nsuite directory: ${suiteDir}\n`,
      );
      process.exitCode = exitCodes.includes(255)
        ? 255
        : exitCodes.includes(130)
          ? 130
          : verdict === false
            ? 1
            : verdict === 'unknown'
              ? 2
              : 0;
    });
}
