// Entry point of a linearizability worker thread: decides the partitions the main thread posts.
import { parentPort, workerData } from 'node:worker_threads';
import { models } from '../models/index.js';
import { runKeyTask, type SharedLimits } from './key-task.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-message.js';

const setup = workerData as WorkerSetup;
const model = models[setup.model](setup.modelOptions);
const shared: SharedLimits = {};
if (setup.deadline !== undefined) shared.deadline = setup.deadline;
if (setup.caps !== undefined) shared.caps = setup.caps;
parentPort!.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { id: task.id, verdict: runKeyTask(model, task.part, task, shared) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
