// Entry point of a linearizability worker thread: checks the partitions the main thread posts.
import { parentPort, workerData } from 'node:worker_threads';
import { models } from '../models/index.js';
import { checkPartition } from './check-partition.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-message.js';

const setup = workerData as WorkerSetup;
const model = models[setup.model](setup.modelOptions);
parentPort!.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { id: task.id, result: checkPartition(model, task.part, setup.limits) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
