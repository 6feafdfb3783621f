import type { SystemContext } from '../core/system.js';
import { waitUntil } from './wait-until.js';

/** Waits until a shell script on `node` exits 0; returns its stdout. */
export async function waitForCommand(
  ctx: SystemContext,
  node: string,
  script: string,
  timeoutMs = 60_000,
): Promise<string> {
  return waitUntil(
    `\`${script}\` to succeed on ${node}`,
    async () => {
      const r = await ctx.cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 10_000 });
      if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}: ${(r.stderr || r.stdout).trim()}`);
      return r.stdout;
    },
    timeoutMs,
  );
}
