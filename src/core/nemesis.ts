import type { Value } from './op.js';
import type { Rng } from './generator.js';
import type { ImageRecipe, System, SystemContext } from './system.js';

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

/**
 * Work a fault needs on every node before the system starts and after it stopped, e.g. mounting
 * the file-system layer that the database's data directory must live on.
 */
export interface NodePreparation {
  /** Throws a FaultlineError when the system (with these options) cannot take this fault; runs before any container starts. */
  check(system: System, options: Readonly<Record<string, unknown>>): void;
  /** Runs after the cluster exists and before the system's setup. */
  setup(ctx: SystemContext, system: System): Promise<void>;
  /** Runs after the system's setup, before the clients open: the state the test starts from. */
  settle?(ctx: SystemContext, system: System): Promise<void>;
  /** Runs after the system's teardown; safe to call at any time, also twice. */
  teardown(ctx: SystemContext): Promise<void>;
}

/**
 * A nemesis, the fault kinds its schedule may pick from, the privileges its faults need, an image
 * layer built on the system's image only for runs that use it, and node preparations.
 */
export interface NemesisPackage {
  nemesis: Nemesis;
  faults: readonly FaultKind[];
  privileges?: NodePrivileges;
  image?: ImageRecipe;
  prepare?: readonly NodePreparation[];
}

/** One image layer holding every package's layer (packages, files and steps in order), or undefined. */
export function mergeImageLayers(all: readonly (ImageRecipe | undefined)[]): ImageRecipe | undefined {
  const layers = all.filter((l): l is ImageRecipe => l !== undefined);
  if (layers.length === 0) return undefined;
  return {
    name: layers.map((l) => l.name).join('-'),
    aptPackages: [...new Set(layers.flatMap((l) => l.aptPackages))],
    files: Object.assign({}, ...layers.map((l) => l.files ?? {})) as Record<string, string>,
    run: layers.flatMap((l) => l.run ?? []),
  };
}

/** The union of several packages' privileges (each capability and device once, in first-seen order). */
export function mergePrivileges(all: readonly (NodePrivileges | undefined)[]): NodePrivileges {
  const capAdd = [...new Set(all.flatMap((p) => p?.capAdd ?? []))];
  const devices = [...new Set(all.flatMap((p) => p?.devices ?? []))];
  return { ...(capAdd.length > 0 ? { capAdd } : {}), ...(devices.length > 0 ? { devices } : {}) };
}
