import type { Pausable } from '../../src/core/system.js';
import { runChecked } from './run-checked.js';

/** Pauses and resumes every process on a node named exactly `processName`, with SIGSTOP and SIGCONT. */
export function signalPausable(processName: string): Pausable {
  return {
    async pause(ctx, node) {
      await runChecked(ctx, node, `pause ${processName}`, `pkill -STOP -x ${processName} || true`);
    },
    async resume(ctx, node) {
      await runChecked(ctx, node, `resume ${processName}`, `pkill -CONT -x ${processName} || true`);
    },
  };
}
