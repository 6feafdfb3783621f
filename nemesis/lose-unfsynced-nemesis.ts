import { FaultlineError } from '../src/core/errors.js';
import type { FaultKind, FaultOp, FaultResult, Nemesis, NemesisPackage } from '../src/core/nemesis.js';
import type { Value } from '../src/core/op.js';
import type { Killable, Storage, System, SystemContext } from '../src/core/system.js';
import { fsLayerImage } from './fs-layer-image.js';
import { fsLayer, loseUnsynced, needStorage } from './fs-layer.js';
import { mathRng } from './math-rng.js';
import { onNodes } from './on-nodes.js';
import { nodesOf, pickNodes, type Target } from './targets.js';

export const LOSE_START = 'start-lose-unfsynced';
export const LOSE_STOP = 'stop-lose-unfsynced';

/**
 * A power failure of chosen nodes: `start-lose-unfsynced` kills the database (SIGKILL) and makes the
 * file-system layer forget everything not yet fsynced; the nodes stay down until `stop-lose-unfsynced`
 * restarts them. Teardown restarts whatever is still down.
 */
export function loseUnsyncedNemesis(): Nemesis {
  let parts: { killable: Killable; storage: Storage } | undefined;
  const down = new Set<string>();
  const need = (): { killable: Killable; storage: Storage } => {
    if (!parts) throw new FaultlineError('INTERNAL', 'lose-unfsynced nemesis used before setup.');
    return parts;
  };
  const restart = async (ctx: SystemContext): Promise<FaultResult> => {
    const { killable } = need();
    const nodes = [...down].sort();
    const errors = await onNodes(nodes, async (node) => {
      await killable.start(ctx, node);
      down.delete(node);
    });
    return withErrors({ restarted: nodes }, errors);
  };
  return {
    name: 'lose-unfsynced',
    fs: [LOSE_START, LOSE_STOP],
    setup(_ctx, system: System) {
      try {
        const storage = needStorage(system, 'lose-unfsynced');
        parts = { killable: system.killable!, storage };
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      if (op.f === LOSE_STOP) return restart(ctx);
      const { killable, storage } = need();
      const nodes = nodesOf(op.value, ctx.cluster.nodes, mathRng);
      const lost: Record<string, Value> = {};
      const errors = await onNodes(nodes, async (node) => {
        down.add(node);
        await killable.kill(ctx, node);
        lost[node] = { ...(await loseUnsynced(ctx, storage, node)) };
      });
      return withErrors({ nodes, lost }, errors);
    },
    async teardown(ctx) {
      if (!parts || down.size === 0) return;
      const r = await restart(ctx);
      if (r.error !== undefined) {
        throw new FaultlineError(
          'NODE_EXEC_FAILED',
          `Restart after lose-unfsynced failed: ${JSON.stringify(r.error)}`,
        );
      }
    },
  };
}

function withErrors(value: { [key: string]: Value }, errors: Record<string, Value>): FaultResult {
  return Object.keys(errors).length === 0 ? { type: 'info', value } : { type: 'info', value, error: errors };
}

/** The lose-unfsynced fault for schedules: each start picks nodes for one of `targets` with the seeded rng. */
export function loseUnsyncedFault(
  nodes: readonly string[],
  targets: readonly Target[] = ['one', 'minority', 'majority', 'all'],
): FaultKind {
  return {
    name: 'lose-unfsynced',
    start: (rng) => ({ f: LOSE_START, value: pickNodes(rng.pick(targets), nodes, rng) }),
    stop: { f: LOSE_STOP, value: null },
  };
}

/** The whole package: nemesis, fault, the FUSE privileges, the image layer and the mount before the system starts. */
export function loseUnsyncedPackage(nodes: readonly string[], targets?: readonly Target[]): NemesisPackage {
  return {
    nemesis: loseUnsyncedNemesis(),
    faults: [loseUnsyncedFault(nodes, targets)],
    privileges: { capAdd: ['SYS_ADMIN'], devices: ['/dev/fuse'] },
    image: fsLayerImage(),
    prepare: [fsLayer('lose-unfsynced')],
  };
}
