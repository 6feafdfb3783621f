import { FaultlineError } from '../src/core/errors.js';
import type { FaultKind, FaultOp, FaultResult, Nemesis } from '../src/core/nemesis.js';
import type { Value } from '../src/core/op.js';
import type { Killable, System, SystemContext } from '../src/core/system.js';
import { onNodes } from './on-nodes.js';
import { faultNodes } from './primary-target.js';
import { drawTarget, type ProcessTarget } from './targets.js';

/**
 * Kills the database with the system's Killable (SIGKILL) on `kill` (value: node names or a target)
 * and restarts every killed node on `start`. Teardown restarts whatever is still down.
 */
export function killNemesis(): Nemesis {
  let killable: Killable | undefined;
  let target: System | undefined;
  const down = new Set<string>();
  const need = (): Killable => {
    if (!killable) throw new FaultlineError('INTERNAL', 'kill nemesis used before setup.');
    return killable;
  };
  return {
    name: 'kill',
    fs: ['kill', 'start'],
    setup(_ctx, system: System) {
      target = system;
      if (!system.killable) {
        return Promise.reject(
          new FaultlineError('BAD_ARGUMENT', `System ${system.name} cannot be killed and restarted.`, {
            hint: 'Choose other faults with --nemesis (e.g. partition,pause).',
          }),
        );
      }
      killable = system.killable;
      return Promise.resolve();
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      const k = need();
      if (op.f === 'start') {
        const nodes = [...down].sort();
        const errors = await onNodes(nodes, async (node) => {
          await k.start(ctx, node);
          down.delete(node);
        });
        return withErrors({ started: nodes }, errors);
      }
      const { nodes, primary } = await faultNodes(ctx, target, op.value);
      const errors = await onNodes(nodes, async (node) => {
        down.add(node);
        await k.kill(ctx, node);
      });
      return withErrors(primary ? { killed: nodes, primary } : { killed: nodes }, errors);
    },
    async teardown(ctx) {
      if (!killable || down.size === 0) return;
      const k = killable;
      await onNodes([...down], async (node) => {
        await k.start(ctx, node);
        down.delete(node);
      });
    },
  };
}

function withErrors(value: { [key: string]: string[] }, errors: Record<string, Value>): FaultResult {
  return Object.keys(errors).length === 0 ? { type: 'info', value } : { type: 'info', value, error: errors };
}

/** The kill fault for schedules: each start picks nodes for one of `targets` with the seeded rng. */
export function killFault(
  nodes: readonly string[],
  targets: readonly ProcessTarget[] = ['one', 'minority', 'majority'],
): FaultKind {
  return {
    name: 'kill',
    start: (rng) => ({ f: 'kill', value: drawTarget(rng.pick(targets), nodes, rng) }),
    stop: { f: 'start', value: null },
  };
}
