import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { FaultlineError } from '../../core/errors.js';
import type { CheckResult } from '../../core/checker.js';
import { runTest } from '../../runner/run-test.js';
import type { RunOutcome } from '../../runner/test-spec.js';
import { nemesisKinds, nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { PARTITION_MODES, type PartitionMode } from '../../../nemesis/grudge.js';
import { PROCESS_TARGETS, type ProcessTarget } from '../../../nemesis/targets.js';
import { summarizeResult } from '../../../reports/anomaly-summary.js';
import { positiveSeconds } from '../option-parsers.js';
import { workloads, type WorkloadName } from '../registries.js';
import {
  addPlatformOptions,
  countOrHosts,
  resolvePlatform,
  type PlatformFlags,
} from '../platform-options.js';
import { withSystemOptions, type SystemsOfCommand } from '../system-loading.js';
import {
  addRunOptions,
  addWorkloadOptions,
  clockOptionsOf,
  packetOptionsOf,
  systemOptionsFrom,
  validateWorkloadFlags,
  workloadOptionsOf,
  type RunFlags,
  type WorkloadFlags,
} from '../test-options.js';

interface TestFlags extends WorkloadFlags, Omit<RunFlags, 'nodes'>, PlatformFlags {
  /** A node count, or hosts with --ssh. */
  nodes: number | string;
  workload: string;
  nemesis: string;
  keep?: boolean;
  opTimeout: number;
  recover: number;
}

function examples(systems: SystemsOfCommand | undefined): string {
  let lines: string[] = [];
  try {
    lines = (systems?.all() ?? []).flatMap((s) => s.examples ?? []);
  } catch {
    // Help asked for before the systems were loaded: no per-system examples.
  }
  return `
Nemeses: ${Object.keys(nemesisKinds).join(', ')}, or none. Partition modes: ${PARTITION_MODES.join(', ')}.
<system> is a built-in or configured system (faultline systems), a plugin file (./my-db.ts, .js,
.mjs) or an installed plugin package. Each system's own options are listed above, prefixed with
the systems that take them.

Exit codes: 0 valid, 1 invalid, 2 unknown, 130 interrupted (Ctrl-C), 254 bad arguments, 255 crash.
The run is stored in <store>/<test>/<timestamp>/ (history.jsonl, test.json, results.json,
index.html, logs/); <store>/latest points at it. Re-check it with \`faultline analyze\`.

Examples:
${[...lines, 'faultline test ./my-db.ts --nemesis partition,kill', 'faultline analyze store/latest']
  .map((l) => `  $ ${l}`)
  .join('\n')}`;
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
    .argument('<system>', 'a system name (faultline systems), a plugin file ./my-db.ts, or a plugin package')
    .option('-w, --workload <name>', `workload: ${Object.keys(workloads).join(', ')}`, 'register')
    .option(
      '--nemesis <kinds>',
      `comma-separated faults (${Object.keys(nemesisKinds).join(', ')}) or none`,
      'none',
    );
  addRunOptions(command, {
    nodes: 5,
    timeLimit: 60,
    rate: 200,
    nemesisInterval: 10,
    seedHelp: 'seed of the generator and nemesis schedule (default: random, printed)',
    nodesFlag: {
      flags: '--nodes <n|hosts>',
      help: 'cluster size, or with --ssh the hosts (h1,h2,h3)',
      parse: countOrHosts,
    },
  });
  addWorkloadOptions(addPlatformOptions(command))
    .option('--keep', 'leave the containers running afterwards (remove with faultline clean)')
    .option('--op-timeout <seconds>', 'an op running longer is recorded as info', positiveSeconds, 5)
    .option('--recover <seconds>', 'pause on the healed cluster before the final phase', positiveSeconds, 5);
  const systems = withSystemOptions(program, command);
  command
    .addHelpText('after', () => examples(systems))
    .action(async (spec: string, flags: TestFlags) => {
      const { system } = systems.get(spec);
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
      validateWorkloadFlags(flags);
      const systemOptions = systemOptionsFrom(
        system,
        flags as unknown as Record<string, unknown>,
        systems.all(),
      );
      const { nodes, platform } = resolvePlatform(flags.nodes, flags);
      system.validate?.(systemOptions, nodes.length);
      const kinds = list(flags.nemesis);
      for (const k of kinds) choose('--nemesis', k, Object.keys(nemesisKinds));
      const partitionModes = flags.partition
        ? list(flags.partition).map((m) =>
            choose('--partition', m, PARTITION_MODES as readonly PartitionMode[]),
          )
        : undefined;
      const targets = flags.faultTargets
        ? list(flags.faultTargets).map((t) =>
            choose('--fault-targets', t, PROCESS_TARGETS as readonly ProcessTarget[]),
          )
        : undefined;
      const packet = packetOptionsOf(flags, kinds);
      const clock = clockOptionsOf(flags, kinds);
      const nemesis =
        kinds.length === 0
          ? undefined
          : nemesisPackage(kinds, {
              nodes,
              ...(partitionModes ? { partitionModes } : {}),
              ...(targets ? { targets } : {}),
              ...(packet ? { packet } : {}),
              ...(clock ? { clock } : {}),
            });
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
        systemOptions,
        workloadOptions: workloadOptionsOf(flags, system, systemOptions),
        opTimeoutMs: flags.opTimeout * 1000,
        recoverS: flags.recover,
        command: ['faultline', ...process.argv.slice(2)],
      });
      process.stdout.write(formatOutcome(outcome));
      process.exitCode = outcome.exitCode;
    });
}
