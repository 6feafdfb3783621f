import type { ModelOptions } from '../../src/core/model.js';
import type { ModelName } from '../models/index.js';
import type { KeyVerdict } from './decide-partition.js';
import type { Partition } from './partition-history.js';
import type { SearchCaps } from './search-caps.js';

/** What a linearizability worker is started with. */
export interface WorkerSetup {
  model: ModelName;
  modelOptions: ModelOptions;
  deadline?: number;
  caps?: SearchCaps;
}

/** Main thread -> worker: decide this partition within `budget`, with a counterexample when asked. */
export interface WorkerTask {
  id: number;
  part: Partition;
  budget: number;
  counterexample: boolean;
}

/** Worker -> main thread: the verdict of a task, or the error that stopped it. */
export type WorkerReply = { id: number; verdict: KeyVerdict } | { id: number; error: string };
