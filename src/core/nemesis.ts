import type { Value } from './op.js';
import type { Rng } from './generator.js';
import type { System, SystemContext } from './system.js';

/** A fault request from the generator, e.g. `{ f: 'start-partition', value: 'majority' }`. */
export interface FaultOp {
  f: string;
  value: Value;
}

/** What the nemesis did: becomes the completion event of process "nemesis" in the history. */
export interface FaultResult {
  type: 'info';
  value: Value;
  error?: Value;
}

/**
 * Injects faults. `teardown` heals everything this nemesis may have done (network, paused and
 * killed processes, clocks) and must be safe to call at any time, also twice.
 */
export interface Nemesis {
  name: string;
  /** The fault fs it handles, e.g. ['start-partition', 'stop-partition']. */
  fs: readonly string[];
  setup(ctx: SystemContext, system: System): Promise<void>;
  invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult>;
  teardown(ctx: SystemContext): Promise<void>;
}

/**
 * One kind of fault a nemesis schedule can inject: `start` picks a concrete fault (e.g. which node
 * to isolate) with the schedule's seeded RNG; `stop` undoes it.
 */
export interface FaultKind {
  name: string;
  start(rng: Rng): FaultOp;
  stop: FaultOp;
}

/**
 * Extra Linux privileges a fault needs inside every node, e.g. `{ capAdd: ['SYS_ADMIN'],
 * devices: ['/dev/fuse'] }`. A platform grants them only to runs whose nemesis asks for them.
 */
export interface NodePrivileges {
  /** Linux capabilities without the `CAP_` prefix. */
  capAdd?: readonly string[];
  /** Host device paths made available at the same path inside the node. */
  devices?: readonly string[];
}

/** A nemesis, the fault kinds its schedule may pick from, and the privileges its faults need. */
export interface NemesisPackage {
  nemesis: Nemesis;
  faults: readonly FaultKind[];
  privileges?: NodePrivileges;
}

/** The union of several packages' privileges (each capability and device once, in first-seen order). */
export function mergePrivileges(all: readonly (NodePrivileges | undefined)[]): NodePrivileges {
  const capAdd = [...new Set(all.flatMap((p) => p?.capAdd ?? []))];
  const devices = [...new Set(all.flatMap((p) => p?.devices ?? []))];
  return { ...(capAdd.length > 0 ? { capAdd } : {}), ...(devices.length > 0 ? { devices } : {}) };
}
