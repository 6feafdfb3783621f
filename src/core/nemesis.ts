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
