import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FaultlineError } from '../../src/core/errors.js';
import type { Model, ModelOptions } from '../../src/core/model.js';
import type { ModelName } from '../models/index.js';
import { checkPartition, type PartitionLimits } from './check-partition.js';
import type { Partition } from './partition-history.js';
import type { PartitionResult } from './partition-result.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker-message.js';

/** How to run the partitions: on `workers` threads when the model is a registry name, else inline. */
export interface RunOptions {
  model: Model;
  modelName?: ModelName;
  modelOptions: ModelOptions;
  limits: PartitionLimits;
  workers: number;
  /** Stop at the first refuted partition. */
  stopOnFailure: boolean;
}

/** Below this many ops in all, threads cost more than they save. */
const MIN_OPS_FOR_WORKERS = 20_000;

/**
 * The worker script: worker.js next to this file when built, or, when running from .ts sources
 * (tests, tsx), a small module that registers tsx's loader first (Node 20 workers ignore
 * `--import` in execArgv).
 */
function workerUrl(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./worker.js', import.meta.url);
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const target = new URL('./worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(pathToFileURL(api).href)}; register(); await import(${JSON.stringify(target)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** Partitions are sent largest first, so one big key does not start last. */
function bySizeDescending(parts: readonly Partition[]): number[] {
  return parts.map((_, i) => i).sort((a, b) => parts[b]!.ops.length - parts[a]!.ops.length);
}

/**
 * Checks partitions, one result per partition (undefined for those skipped after a refutation).
 * Work is handed out one partition at a time, so a pathological key holds up one worker only; it
 * stops at its budget or the deadline with unknown while the other workers go on.
 */
export async function runPartitions(
  parts: readonly Partition[],
  options: RunOptions,
): Promise<(PartitionResult | undefined)[]> {
  const results: (PartitionResult | undefined)[] = new Array<PartitionResult | undefined>(parts.length).fill(
    undefined,
  );
  const totalOps = parts.reduce((n, p) => n + p.ops.length, 0);
  const threads = Math.min(options.workers, parts.length);
  if (threads <= 1 || options.modelName === undefined || totalOps < MIN_OPS_FOR_WORKERS) {
    for (const i of bySizeDescending(parts)) {
      const r = checkPartition(options.model, parts[i]!, options.limits);
      results[i] = r;
      if (r.valid === false && options.stopOnFailure) break;
    }
    return results;
  }
  const setup: WorkerSetup = {
    model: options.modelName,
    modelOptions: options.modelOptions,
    limits: options.limits,
  };
  const url = workerUrl();
  const queue = bySizeDescending(parts);
  const workers: Worker[] = [];
  return new Promise((resolve, reject) => {
    let running = 0;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (error?: unknown): void => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      for (const w of workers) void w.terminate();
      if (error === undefined) resolve(results);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const feed = (w: Worker): void => {
      const next = queue.shift();
      if (next === undefined) {
        if (running === 0) finish();
        return;
      }
      running++;
      const task: WorkerTask = { id: next, part: parts[next]! };
      w.postMessage(task);
    };
    if (options.limits.deadline !== undefined) {
      // The search checks the deadline itself; this only guards against a worker that stops answering.
      timer = setTimeout(() => finish(), Math.max(0, options.limits.deadline - Date.now()) + 5_000);
    }
    for (let t = 0; t < threads; t++) {
      const w = new Worker(url, { workerData: setup });
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        running--;
        if ('error' in reply) {
          finish(
            new FaultlineError(
              'INTERNAL',
              `linearizability worker failed on key #${reply.id}: ${reply.error}`,
            ),
          );
          return;
        }
        results[reply.id] = reply.result;
        if (reply.result.valid === false && options.stopOnFailure) finish();
        else feed(w);
      });
      w.on('error', (error) =>
        finish(
          new FaultlineError('INTERNAL', `linearizability worker crashed: ${error.message}`, {
            cause: error,
          }),
        ),
      );
      feed(w);
    }
  });
}
