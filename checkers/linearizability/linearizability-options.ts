import type { Model, ModelOptions } from '../../src/core/model.js';
import type { ModelName } from '../models/index.js';
import type { SearchCaps } from './search-caps.js';

/** Options of checkLinearizability. */
export interface LinearizabilityOptions {
  /** A model name from the registry, or a model object (model objects are checked on the main thread). */
  model: ModelName | Model;
  modelOptions?: ModelOptions;
  /** Values are `[key v]`: check each key alone (linearizability is compositional). */
  independent?: boolean;
  /** Configurations explored per key before giving up with unknown; deterministic. Default 2,000,000. */
  budget?: number;
  /** Wall-clock limit for the whole check; keys not decided by then are unknown. */
  timeoutMs?: number;
  /** Check every key even after one is refuted (default: stop at the first refuted key). */
  allFailures?: boolean;
  /** Shrink and explain refuted keys (default true); false reports the verdict only. */
  counterexample?: boolean;
  /**
   * Caps on one key's search tables (states interned, memo bytes, stack), merged over DEFAULT_CAPS
   * (about 1.5 GiB per search). Reaching one ends that key `unknown` with the cap named, never a crash.
   */
  caps?: Partial<SearchCaps>;
  /** Worker threads for keyed histories; default os.availableParallelism(). 0 or 1 checks on the main thread. */
  workers?: number;
}

/** Default per-key budget of explored configurations. */
export const DEFAULT_BUDGET = 2_000_000;
