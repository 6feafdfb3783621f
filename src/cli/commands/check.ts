import { Option, type Command } from 'commander';
import { models, type ModelName } from '../../../checkers/models/index.js';
import { exitCodeFor } from '../../core/verdict.js';
import { FAILED_CAS_READINGS, type FailedCasReading } from '../../core/failed-cas.js';
import type { ModelOptions } from '../../core/model.js';
import type { Value } from '../../core/op.js';
import { HISTORY_FORMATS, type HistoryFormat } from '../../history/history-format.js';
import {
  checkHistoryFile,
  CONSISTENCY_MODELS,
  DEFAULT_TXN_CONSISTENCY,
  TXN_CONSISTENCY_MODELS,
  TXN_WORKLOADS,
} from '../../check/check-history.js';
import { jsonValue, positiveInteger, positiveSeconds } from '../option-parsers.js';
import { formatCheckSummary } from '../output/format-check-summary.js';
import { toJson } from '../output/to-json.js';
import { writeCheckOutputs } from '../../check/write-check-outputs.js';

interface CheckFlags {
  model?: string;
  consistency?: string;
  txn?: string;
  independent?: boolean;
  format?: HistoryFormat;
  json?: boolean;
  budget?: number;
  timeout?: number;
  initial?: Value;
  nilReads: 'empty' | 'unknown';
  failedCas: FailedCasReading;
  allFailures?: boolean;
  workers?: number;
  report?: string;
  ignoreTruncated?: boolean;
}

const EXAMPLES = `
Models:
${Object.entries(models)
  .map(([name, factory]) => `  ${name.padEnd(14)}${factory().description}`)
  .join('\n')}

Consistency models (--consistency), for single-object histories:
${Object.entries(CONSISTENCY_MODELS)
  .map(
    ([name, entry]) =>
      `  ${name.padEnd(21)}${entry.description}; --model ${entry.models.join('|')}${entry.modelRequired ? '' : ' (optional)'}`,
  )
  .join('\n')}

Transactional histories (--txn ${TXN_WORKLOADS.join('|')}), --consistency one of (default ${DEFAULT_TXN_CONSISTENCY}):
  ${TXN_CONSISTENCY_MODELS.join(', ')}

Exit codes: 0 valid, 1 invalid, 2 unknown (budget or timeout ran out), 254 bad arguments or input, 255 crash.

Examples:
  $ faultline check examples/cas-register-valid.jsonl --model cas-register
  $ faultline check history.edn --model cas-register --independent --json
  $ faultline check knossos.edn --model cas-register --nil-reads unknown --budget 5000000
  $ faultline check jepsen-history.edn --model cas-register --independent --failed-cas observe
  $ faultline check crashed-run/history.jsonl --model register --ignore-truncated --report out/
  $ faultline check examples/register-sequential-not-linearizable.jsonl -m register --consistency sequential
  $ faultline check examples/kv-causal-invalid.jsonl --model kv --consistency causal
  $ faultline check examples/list-append-g1c.edn --txn list-append --consistency serializable`;

/** `faultline check <file>`: check a recorded history (JSONL or Jepsen EDN) for a consistency model. */
export function addCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'Check a recorded history (faultline JSONL or Jepsen/Knossos EDN) for a consistency model: linearizability by default.',
    )
    .argument('<file>', 'history file (.jsonl or .edn)')
    .option('-m, --model <name>', `sequential model: ${Object.keys(models).join(', ')}`)
    .option(
      '--consistency <name>',
      `consistency model (default linearizable; with --txn, ${DEFAULT_TXN_CONSISTENCY}): see below`,
    )
    .option(
      '--txn <workload>',
      `check transactions of this workload (${TXN_WORKLOADS.join(', ')}) instead of a --model`,
    )
    .option('--independent', 'values are [key value] tuples, checked key by key')
    .addOption(new Option('--format <format>', 'history format (default: detected)').choices(HISTORY_FORMATS))
    .option('--json', 'print the full result as JSON')
    .option(
      '--budget <n>',
      'deterministic bound before giving up with unknown (states per key; sequential: configurations; txn: steps per cycle class)',
      positiveInteger,
    )
    .option(
      '--timeout <seconds>',
      'wall-clock limit, on top of the budget (linearizable only)',
      positiveSeconds,
    )
    .option('--initial <json>', 'initial value of the model, as JSON (default null)', jsonValue)
    .addOption(
      new Option(
        '--nil-reads <mode>',
        'an ok read of nil: empty register, or unknown (matches any state, as Knossos)',
      )
        .choices(['empty', 'unknown'])
        .default('empty'),
    )
    .addOption(
      new Option(
        '--failed-cas <mode>',
        "a cas fail without error: 'cas-mismatch': tells nothing (ignore), or a failed comparison (observe)",
      )
        .choices(FAILED_CAS_READINGS)
        .default('ignore'),
    )
    .option('--all-failures', 'keep checking after the first invalid key, to report every one')
    .option('--workers <n>', 'worker threads for keyed histories (default: one per core)', positiveInteger)
    .option('--ignore-truncated', 'drop a final event cut short by a crash instead of failing')
    .option('--report <dir>', 'write index.html, results.json, junit.xml and history.jsonl to this folder')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: CheckFlags) => {
      const modelOptions: ModelOptions = {
        ...(flags.initial === undefined ? {} : { initial: flags.initial }),
        ...(flags.nilReads === 'unknown' ? { nilReadsUnknown: true } : {}),
        ...(flags.failedCas === 'observe' ? { failedCas: 'observe' as const } : {}),
      };
      const { history, result, warnings } = await checkHistoryFile(file, {
        ...(flags.consistency === undefined ? {} : { consistency: flags.consistency }),
        ...(flags.txn === undefined ? {} : { txn: flags.txn }),
        ...(flags.model === undefined ? {} : { model: flags.model as ModelName }),
        ...(Object.keys(modelOptions).length === 0 ? {} : { modelOptions }),
        ...(flags.independent === true ? { independent: true } : {}),
        ...(flags.allFailures === true ? { allFailures: true } : {}),
        ignoreTruncated: flags.ignoreTruncated ?? false,
        ...(flags.format === undefined ? {} : { format: flags.format }),
        ...(flags.budget === undefined ? {} : { budget: flags.budget }),
        ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout * 1000 }),
        ...(flags.workers === undefined ? {} : { workers: flags.workers }),
      });
      for (const warning of warnings) {
        const where = warning.line === undefined ? ` (op #${warning.index})` : `:${warning.line}`;
        process.stderr.write(`warning: ${file}${where}: ${warning.message}\n`);
      }
      if (flags.report !== undefined) {
        const files = await writeCheckOutputs(flags.report, history, result);
        if (!flags.json) process.stderr.write(`wrote ${files.join(', ')}\n`);
      }
      process.stdout.write(flags.json ? toJson(result) + '\n' : formatCheckSummary(result, history));
      process.exitCode = exitCodeFor(result.valid);
    });
}
