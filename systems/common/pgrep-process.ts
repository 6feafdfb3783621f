import type { HasProcess } from '../../src/core/system.js';

/** The first pid pgrep lists on a node for a process named exactly `processName`. */
export function pgrepProcess(processName: string): HasProcess {
  return {
    async pid(ctx, node) {
      const r = await ctx.cluster.remote.exec(node, ['bash', '-c', `pgrep -x ${processName} | head -n 1`]);
      const pid = Number.parseInt(r.stdout.trim(), 10);
      return Number.isFinite(pid) ? pid : undefined;
    },
  };
}
