import type { Command } from 'commander';
import { FaultlineError } from '../../core/errors.js';
import { analyzeRun, readStoredTest } from '../../runner/analyze-run.js';
import { summarizeResult } from '../../../reports/anomaly-summary.js';
import { workloads } from '../registries.js';

/** `faultline analyze <run-dir>`: check a stored run again and re-render its reports. */
export function addAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('Check a stored run again from its history.jsonl and test.json, and rewrite its reports.')
    .argument('<run-dir>', 'a run directory, e.g. store/latest')
    .addHelpText(
      'after',
      `
Exit codes: 0 valid, 1 invalid, 2 unknown, 254 bad arguments, 255 crash.

Examples:
  $ faultline analyze store/latest
  $ faultline analyze store/mydb-register/20261123T234000.000Z`,
    )
    .action(async (runDir: string) => {
      const test = readStoredTest(runDir);
      const workload = (workloads as Record<string, (typeof workloads)[keyof typeof workloads]>)[
        test.workload
      ];
      if (!workload) {
        throw new FaultlineError(
          'BAD_ARGUMENT',
          `${runDir} used workload ${test.workload}, which this faultline does not know.`,
          {
            hint: `Known workloads: ${Object.keys(workloads).join(', ')}.`,
          },
        );
      }
      const outcome = await analyzeRun(runDir, workload);
      if (outcome.droppedTruncatedLine !== undefined) {
        process.stderr.write(
          `warning: ${runDir}/history.jsonl:${outcome.droppedTruncatedLine}: dropped the last event, cut short when the run stopped; checked the events before it\n`,
        );
      }
      for (const r of outcome.results) process.stdout.write(`  ${summarizeResult(r)}\n`);
      const word = outcome.verdict === true ? 'valid' : outcome.verdict === false ? 'INVALID' : 'unknown';
      process.stdout.write(`verdict: ${word}\nrun directory: ${runDir}\n`);
      process.exitCode = outcome.exitCode;
    });
}
