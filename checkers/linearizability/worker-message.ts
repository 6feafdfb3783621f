import type { ModelOptions } from '../../src/core/model.js';
import type { ModelName } from '../models/index.js';
import type { PartitionLimits } from './check-partition.js';
import type { Partition } from './partition-history.js';
import type { PartitionResult } from './partition-result.js';

/** What a linearizability worker is started with. */
export interface WorkerSetup {
  model: ModelName;
  modelOptions: ModelOptions;
  limits: PartitionLimits;
}

/** Main thread -> worker: check this partition. */
export interface WorkerTask {
  id: number;
  part: Partition;
}

/** Worker -> main thread: the result of a task, or the error that stopped it. */
export type WorkerReply = { id: number; result: PartitionResult } | { id: number; error: string };
