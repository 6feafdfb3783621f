import { FaultlineError } from '../src/core/errors.js';
import type { FaultKind, FaultOp, FaultResult, Nemesis } from '../src/core/nemesis.js';
import type { Value } from '../src/core/op.js';
import type { Pausable, System, SystemContext } from '../src/core/system.js';
import { onNodes } from './on-nodes.js';
import { faultNodes } from './primary-target.js';
import { drawTarget, type ProcessTarget } from './targets.js';

/**
 * SIGSTOPs the database (the system's Pausable, else `kill -STOP` of its HasProcess pid) on `pause`
 * and SIGCONTs every paused node on `resume`. Teardown resumes all nodes.
 */
export function pauseNemesis(): Nemesis {
  let pausable: Pausable | undefined;
  let target: System | undefined;
  const paused = new Set<string>();
  return {
    name: 'pause',
    fs: ['pause', 'resume'],
    setup(_ctx, system: System) {
      target = system;
      pausable = system.pausable ?? byPid(system);
      if (!pausable) {
        return Promise.reject(
          new FaultlineError(
            'BAD_ARGUMENT',
            `System ${system.name} cannot be paused (neither Pausable nor HasProcess).`,
            {
              hint: 'Choose other faults with --nemesis (e.g. partition,kill).',
            },
          ),
        );
      }
      return Promise.resolve();
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      const p = pausable;
      if (!p) throw new FaultlineError('INTERNAL', 'pause nemesis used before setup.');
      if (op.f === 'resume') {
        const nodes = [...paused].sort();
        const errors = await onNodes(nodes, async (node) => {
          await p.resume(ctx, node);
          paused.delete(node);
        });
        return withErrors({ resumed: nodes }, errors);
      }
      const { nodes, primary } = await faultNodes(ctx, target, op.value);
      const errors = await onNodes(nodes, async (node) => {
        paused.add(node);
        await p.pause(ctx, node);
      });
      return withErrors(primary ? { paused: nodes, primary } : { paused: nodes }, errors);
    },
    async teardown(ctx) {
      const p = pausable;
      if (!p) return;
      await onNodes(ctx.cluster.nodes, async (node) => {
        await p.resume(ctx, node);
        paused.delete(node);
      });
    },
  };
}

/** Pause by signalling the pid the system reports; undefined when it reports none. */
function byPid(system: System): Pausable | undefined {
  const proc = system.process;
  if (!proc) return undefined;
  const signal = async (ctx: SystemContext, node: string, sig: string): Promise<void> => {
    const pid = await proc.pid(ctx, node);
    if (pid !== undefined)
      await ctx.cluster.remote.exec(node, ['kill', `-${sig}`, String(pid)], { timeoutMs: 10_000 });
  };
  return {
    pause: (ctx, node) => signal(ctx, node, 'STOP'),
    resume: (ctx, node) => signal(ctx, node, 'CONT'),
  };
}

function withErrors(value: { [key: string]: string[] }, errors: Record<string, Value>): FaultResult {
  return Object.keys(errors).length === 0 ? { type: 'info', value } : { type: 'info', value, error: errors };
}

/** The pause fault for schedules: each start picks nodes for one of `targets` with the seeded rng. */
export function pauseFault(
  nodes: readonly string[],
  targets: readonly ProcessTarget[] = ['one', 'minority', 'majority'],
): FaultKind {
  return {
    name: 'pause',
    start: (rng) => ({ f: 'pause', value: drawTarget(rng.pick(targets), nodes, rng) }),
    stop: { f: 'resume', value: null },
  };
}
