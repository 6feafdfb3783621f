import { FaultlineError } from '../core/errors.js';
import type { SystemContext } from '../core/system.js';

/** Runs a shell script on a node and returns its stdout; a non-zero exit is SYSTEM_START_FAILED naming the step. */
export async function runChecked(
  ctx: SystemContext,
  node: string,
  step: string,
  script: string,
  timeoutMs = 120_000,
): Promise<string> {
  const r = await ctx.cluster.remote.exec(node, ['bash', '-c', script], { timeoutMs });
  if (r.exitCode !== 0) {
    const output = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new FaultlineError(
      'SYSTEM_START_FAILED',
      `${step} failed on ${node} (exit ${r.exitCode}):\n${output}`,
      {
        hint: 'Run with --keep and inspect the node with `docker exec`; its logs are in the run directory.',
      },
    );
  }
  return r.stdout;
}
