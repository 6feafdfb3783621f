import { FaultlineError } from '../src/core/errors.js';
import { mergeImageLayers, mergePrivileges, type NemesisPackage } from '../src/core/nemesis.js';
import { clockFault, clockNemesis, type ClockFaultOptions } from './clock-nemesis.js';
import { composeNemeses } from './compose-nemesis.js';
import { corruptPackage } from './corrupt-nemesis.js';
import type { PartitionMode } from './grudge.js';
import { killFault, killNemesis } from './kill-nemesis.js';
import { loseUnsyncedPackage } from './lose-unfsynced-nemesis.js';
import { packetLossFault, packetLossNemesis } from './packet-loss-nemesis.js';
import type { PacketLossOptions } from './packet-loss-options.js';
import { partitionFault, partitionNemesis } from './partition-nemesis.js';
import { pauseFault, pauseNemesis } from './pause-nemesis.js';
import type { Target } from './targets.js';

export interface NemesisPackageOptions {
  /** Node names of the cluster (n1..nN), known before it exists so faults can be drawn purely. */
  nodes: readonly string[];
  partitionModes?: readonly PartitionMode[];
  /** Node targets of kill, pause, file-system and packet-loss faults. */
  targets?: readonly Target[];
  clock?: ClockFaultOptions;
  packet?: PacketLossOptions;
}

export type { NemesisPackage };

type KindFactory = (options: NemesisPackageOptions) => NemesisPackage;

/** Every fault kind `--nemesis` accepts. */
export const nemesisKinds = {
  partition: (o) => ({ nemesis: partitionNemesis(), faults: [partitionFault(o.nodes, o.partitionModes)] }),
  kill: (o) => ({ nemesis: killNemesis(), faults: [killFault(o.nodes, o.targets)] }),
  pause: (o) => ({ nemesis: pauseNemesis(), faults: [pauseFault(o.nodes, o.targets)] }),
  clock: (o) => ({
    nemesis: clockNemesis(),
    faults: [clockFault(o.nodes, o.clock)],
    // ptrace attaches to the database process (also one of another user, and under Yama) to skew it.
    privileges: { capAdd: ['SYS_PTRACE'] },
  }),
  'lose-unfsynced': (o) => loseUnsyncedPackage(o.nodes, o.targets),
  corrupt: (o) => corruptPackage(o.nodes, o.targets),
  packet: (o) => ({
    nemesis: packetLossNemesis(),
    faults: [packetLossFault(o.nodes, o.packet, o.targets)],
  }),
} satisfies Record<string, KindFactory>;

export type NemesisKind = keyof typeof nemesisKinds;

/** The nemesis and the schedulable faults for `kinds` (e.g. ['partition', 'kill']); [] gives a no-op nemesis. */
export function nemesisPackage(kinds: readonly string[], options: NemesisPackageOptions): NemesisPackage {
  const parts = [...new Set(kinds)].map((kind): NemesisPackage => {
    if (!Object.hasOwn(nemesisKinds, kind)) {
      throw new FaultlineError('UNKNOWN_OPTION', `Unknown nemesis "${kind}".`, {
        hint: `Use a comma-separated list of ${Object.keys(nemesisKinds).join(', ')}.`,
      });
    }
    return nemesisKinds[kind as NemesisKind](options);
  });
  const privileges = mergePrivileges(parts.map((p) => p.privileges));
  const image = mergeImageLayers(parts.map((p) => p.image));
  const prepare = parts.flatMap((p) => p.prepare ?? []);
  return {
    nemesis: composeNemeses(parts.map((p) => p.nemesis)),
    faults: parts.flatMap((p) => p.faults),
    ...(Object.keys(privileges).length > 0 ? { privileges } : {}),
    ...(image ? { image } : {}),
    ...(prepare.length > 0 ? { prepare } : {}),
  };
}
