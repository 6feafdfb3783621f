import type { SystemContext } from '../core/system.js';
import { waitUntil } from './wait-until.js';

/** Waits until a TCP port on `node` accepts connections (probed from inside the node with nc). */
export async function waitForPort(
  ctx: SystemContext,
  node: string,
  port: number,
  timeoutMs = 60_000,
): Promise<void> {
  await waitUntil(
    `port ${port} on ${node} to accept connections`,
    async () => {
      const r = await ctx.cluster.remote.exec(node, ['sh', '-c', `nc -z -w 2 127.0.0.1 ${port}`], {
        timeoutMs: 10_000,
      });
      return r.exitCode === 0 ? true : undefined;
    },
    timeoutMs,
  );
}
