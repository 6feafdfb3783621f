import { randomInt } from 'node:crypto';
import { InvalidArgumentError, type Command } from 'commander';
import { FaultlineError } from '../../core/errors.js';
import type { CheckResult } from '../../core/checker.js';
import { runTest } from '../../runner/run-test.js';
import type { RunOutcome } from '../../runner/test-spec.js';
import { nemesisKinds, nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { PARTITION_MODES, type PartitionMode } from '../../../nemesis/grudge.js';
import { summarizeResult } from '../../../reports/anomaly-summary.js';
import { positiveInteger, positiveSeconds } from '../option-parsers.js';
import {
  addPlatformOptions,
  countOrHosts,
  resolvePlatform,
  type PlatformFlags,
} from '../platform-options.js';
import { systems, workloads, type SystemName, type WorkloadName } from '../registries.js';
import {
  addSystemWorkloadOptions,
  systemOptionsOf,
  validateSystemWorkloadFlags,
  workloadOptionsOf,
  type RunFlags,
  type SystemWorkloadFlags,
} from '../test-options.js';

interface TestFlags extends SystemWorkloadFlags, Omit<RunFlags, 'nodes'>, PlatformFlags {
  /** A node count, or hosts with --ssh. */
  nodes: number | string;
  workload: string;
  nemesis: string;
  keep?: boolean;
  opTimeout: number;
  recover: number;
}

const EXAMPLES = `
Nemeses: ${Object.keys(nemesisKinds).join(', ')}, or none. Partition modes: ${PARTITION_MODES.join(', ')}.

Exit codes: 0 valid, 1 invalid, 2 unknown, 130 interrupted (Ctrl-C), 254 bad arguments, 255 crash.
The run is stored in <store>/<test>/<timestamp>/ (history.jsonl, test.json, results.json,
index.html, logs/); <store>/latest points at it. Re-check it with \`faultline analyze\`.

Examples:
  $ faultline test etcd --workload register --nemesis partition,kill --time-limit 60 --seed 1
  $ faultline test etcd --workload set --nemesis partition --nodes 3 --rate 100
  $ faultline test etcd --serializable-reads --nemesis partition --partition one --time-limit 30
  $ faultline test postgres --nodes 1 --workload list-append --isolation serializable --nemesis kill
  $ faultline test redis --nodes 3 --workload set --nemesis partition --partition one
  $ faultline test zookeeper --nodes 3 --workload register --sequential --nemesis partition,kill
  $ faultline test mariadb --nodes 3 --workload bank --isolation repeatable-read --nemesis partition
  $ faultline test etcd --ssh --nodes n1,n2,n3 --ssh-user admin --sudo --nemesis partition,kill
  $ faultline test etcd --ssh --nodes-file nodes.txt --no-install --nemesis partition
  $ faultline analyze store/latest`;

/** Commander parser for a seed: a non-negative integer. */
function seed(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError('It must be a non-negative integer, e.g. 1.');
  }
  return n;
}

function choose<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new FaultlineError('BAD_ARGUMENT', `${option} ${value} is not known.`, {
      hint: `Use one of: ${allowed.join(', ')}.`,
    });
  }
  return value as T;
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== 'none');
}

/** The verdict, one line per checker, and where the run is. */
export function formatOutcome(outcome: RunOutcome): string {
  const lines: string[] = [];
  const { ok, fail, info } = outcome.counts;
  lines.push(`ops: ${ok} ok, ${fail} fail, ${info} info`);
  for (const r of outcome.results as CheckResult[]) lines.push(`  ${summarizeResult(r)}`);
  if (outcome.verdict !== undefined) {
    const word = outcome.verdict === true ? 'valid' : outcome.verdict === false ? 'INVALID' : 'unknown';
    lines.push(`verdict: ${word}`);
  } else {
    lines.push(`run ${outcome.status}: not checked`);
  }
  lines.push(`run directory: ${outcome.runDir}`);
  return lines.join('\n') + '\n';
}

/** `faultline test <system>`: run a workload against a real cluster under faults, then check it. */
export function addTestCommand(program: Command): void {
  const command = program
    .command('test')
    .description(
      'Run a workload against a Docker cluster of a database while a nemesis injects faults; check it.',
    )
    .argument('<system>', `database: ${Object.keys(systems).join(', ')}`)
    .option('-w, --workload <name>', `workload: ${Object.keys(workloads).join(', ')}`, 'register')
    .option(
      '--nemesis <kinds>',
      `comma-separated faults (${Object.keys(nemesisKinds).join(', ')}) or none`,
      'none',
    )
    .option('--partition <modes>', `partition modes to draw from (${PARTITION_MODES.join(', ')})`)
    .option('--nodes <n|hosts>', 'cluster size, or with --ssh the hosts (h1,h2,h3)', countOrHosts, 5)
    .option(
      '--concurrency <n>',
      'client workers, bound to nodes round robin (default 2 per node)',
      positiveInteger,
    )
    .option('--time-limit <seconds>', 'how long to run the workload', positiveSeconds, 60)
    .option('--rate <ops/s>', 'target client ops per second over all workers', positiveSeconds, 200)
    .option('--seed <n>', 'seed of the generator and nemesis schedule (default: random, printed)', seed)
    .option(
      '--nemesis-interval <seconds>',
      'seconds between a fault starting and stopping',
      positiveSeconds,
      10,
    )
    .option('--keep', 'leave the containers running afterwards (remove with faultline clean)')
    .option('--serializable-reads', 'etcd: serializable (possibly stale) reads instead of linearizable ones');
  addSystemWorkloadOptions(addPlatformOptions(command))
    .option('--store <dir>', 'where runs are stored', 'store')
    .option('--op-timeout <seconds>', 'an op running longer is recorded as info', positiveSeconds, 5)
    .option('--recover <seconds>', 'pause on the healed cluster before the final phase', positiveSeconds, 5)
    .addHelpText('after', EXAMPLES)
    .action(async (systemName: string, flags: TestFlags) => {
      const system = systems[choose('<system>', systemName, Object.keys(systems) as SystemName[])];
      const workloadName = choose('--workload', flags.workload, Object.keys(workloads) as WorkloadName[]);
      const workload = workloads[workloadName];
      if (!system.clients[workloadName]) {
        throw new FaultlineError(
          'BAD_ARGUMENT',
          `--workload ${workloadName} is not supported by ${system.name}.`,
          {
            hint: `${system.name} supports: ${Object.keys(system.clients).join(', ')}.`,
          },
        );
      }
      validateSystemWorkloadFlags(flags);
      const kinds = list(flags.nemesis);
      for (const k of kinds) choose('--nemesis', k, Object.keys(nemesisKinds));
      const partitionModes = flags.partition
        ? list(flags.partition).map((m) =>
            choose('--partition', m, PARTITION_MODES as readonly PartitionMode[]),
          )
        : undefined;
      const { nodes, platform } = resolvePlatform(flags.nodes, flags);
      const nemesis =
        kinds.length === 0
          ? undefined
          : nemesisPackage(kinds, { nodes, ...(partitionModes ? { partitionModes } : {}) });
      const seedValue = flags.seed ?? randomInt(1, 2 ** 31);
      const outcome = await runTest({
        system,
        workload,
        ...(nemesis ? { nemesis } : {}),
        nodes: nodes.length,
        concurrency: flags.concurrency ?? 2 * nodes.length,
        ...(platform ? { platform } : {}),
        timeLimitS: flags.timeLimit,
        rate: flags.rate,
        seed: seedValue,
        nemesisIntervalS: flags.nemesisInterval,
        keep: flags.keep ?? false,
        storeDir: flags.store,
        systemOptions: systemOptionsOf({ ...flags, serializableReads: flags.serializableReads ?? false }),
        workloadOptions: workloadOptionsOf(flags, system),
        opTimeoutMs: flags.opTimeout * 1000,
        recoverS: flags.recover,
        command: ['faultline', ...process.argv.slice(2)],
      });
      process.stdout.write(formatOutcome(outcome));
      process.exitCode = outcome.exitCode;
    });
}
