import type { Nemesis } from '../../../src/core/nemesis.js';
import type { Value } from '../../../src/core/op.js';
import type { System } from '../../../src/core/system.js';
import type { NemesisPackage } from '../../../src/runner/test-spec.js';
import { completeGrudge, type PartitionMode } from '../../../nemesis/grudge.js';
import { partitionNemesis } from '../../../nemesis/partition-nemesis.js';

/**
 * Partitions whatever node the system names as primary at that moment away from all the others,
 * and records in every nemesis event which node was primary just before it (`primary`), so the
 * history shows failovers. Built on the iptables partition nemesis.
 */
export function primaryPartitionPackage(): NemesisPackage {
  const inner = partitionNemesis();
  let system: System | undefined;
  const nemesis: Nemesis = {
    name: 'partition-primary',
    fs: inner.fs,
    async setup(ctx, sys) {
      system = sys;
      await inner.setup(ctx, sys);
    },
    async invoke(ctx, op) {
      const primaries = (await system?.primaries?.primaries(ctx)) ?? [];
      const primary = primaries[0] ?? ctx.cluster.nodes[0]!;
      const r =
        op.f === 'start-partition'
          ? await inner.invoke(ctx, {
              f: op.f,
              value: {
                mode: 'primary' as PartitionMode,
                grudge: completeGrudge([[primary], ctx.cluster.nodes.filter((n) => n !== primary)]),
              },
            })
          : await inner.invoke(ctx, op);
      const value = { ...(r.value as Record<string, Value>), primary: primaries[0] ?? null };
      return { ...r, value };
    },
    teardown: (ctx) => inner.teardown(ctx),
  };
  return {
    nemesis,
    faults: [
      {
        name: 'partition',
        start: () => ({ f: 'start-partition', value: 'primary' }),
        stop: { f: 'stop-partition', value: null },
      },
    ],
  };
}
