import type { HasProcess, Killable, Pausable, SystemContext } from '../core/system.js';
import { quoteShell } from './quote-shell.js';
import { runChecked } from './run-checked.js';

/** Signals every process on a node whose name is exactly `processName` (pkill -x); nothing when none runs. */
export async function signalByName(
  ctx: SystemContext,
  node: string,
  processName: string,
  signal: 'KILL' | 'TERM' | 'STOP' | 'CONT',
): Promise<void> {
  await runChecked(
    ctx,
    node,
    `${signal} ${processName}`,
    `pkill -${signal} -x ${quoteShell(processName)} || true`,
  );
}

/** Pause and resume (SIGSTOP, SIGCONT) every process named exactly `processName`. */
export function pausableByName(processName: string): Pausable {
  return {
    pause: (ctx, node) => signalByName(ctx, node, processName, 'STOP'),
    resume: (ctx, node) => signalByName(ctx, node, processName, 'CONT'),
  };
}

/** Kill (SIGKILL) by name, and start with the system's own `start`. */
export function killableByName(
  processName: string,
  start: (ctx: SystemContext, node: string) => Promise<void>,
): Killable {
  return { kill: (ctx, node) => signalByName(ctx, node, processName, 'KILL'), start };
}

/** The first pid pgrep lists for a process named exactly `processName`. */
export function processByName(processName: string): HasProcess {
  return {
    async pid(ctx, node) {
      const r = await ctx.cluster.remote.exec(node, [
        'sh',
        '-c',
        `pgrep -x ${quoteShell(processName)} | head -n 1`,
      ]);
      const pid = Number.parseInt(r.stdout.trim(), 10);
      return Number.isFinite(pid) ? pid : undefined;
    },
  };
}
