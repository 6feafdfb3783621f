import { FaultlineError } from '../core/errors.js';
import type { SystemContext } from '../core/system.js';

/** Lines of each node's log shown in the error. */
const TAIL_LINES = 15;

export interface StartFailure {
  /** What did not happen, e.g. `the NATS cluster to form`. */
  what: string;
  /** The nodes at fault, each with the last reason its probe gave. */
  reasons: Readonly<Record<string, string>>;
  /** The log file whose tail is shown for each of those nodes. */
  logFile: string;
}

/**
 * The SYSTEM_START_FAILED error of a cluster that did not come up: it names each node at fault
 * with its reason and the last lines of its log (read from the node; "(no log)" when unreadable).
 */
export async function startFailed(ctx: SystemContext, failure: StartFailure): Promise<FaultlineError> {
  const tails = await Promise.all(
    Object.entries(failure.reasons).map(async ([node, why]) => {
      const r = await ctx.cluster.remote
        .exec(node, ['tail', '-n', String(TAIL_LINES), failure.logFile], { timeoutMs: 10_000 })
        .catch(() => undefined);
      const log =
        r !== undefined && r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout.trimEnd() : '(no log)';
      return `--- ${node}: ${why}\n${log}`;
    }),
  );
  return new FaultlineError(
    'SYSTEM_START_FAILED',
    `Timed out waiting for ${failure.what}.\n${tails.join('\n')}`,
    {
      hint: `Read the log tails above (${failure.logFile} on each node); \`--keep\` keeps the containers for a closer look.`,
    },
  );
}
