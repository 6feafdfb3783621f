import type { Command } from 'commander';
import { MODEL_NAMES, isModelName } from '../../checkers/transactional/consistency-models.js';
import { FaultlineError } from '../core/errors.js';
import type { System } from '../core/system.js';

/** The flags `test` and `test-all` share that configure the system's clients and the workload's checks. */
export interface SystemWorkloadFlags {
  /** `test` only: etcd's serializable reads. */
  serializableReads?: boolean;
  isolation?: string;
  reads?: string;
  redisMode?: string;
  syncReads?: boolean;
  sequential?: boolean;
  consistencyModel?: string;
}

/** The run flags `test` and `test-all` share: cluster size, load, schedule and store. */
export interface RunFlags {
  partition?: string;
  nodes: number;
  concurrency?: number;
  timeLimit: number;
  rate: number;
  seed?: number;
  nemesisInterval: number;
  store: string;
}

/** Declares the shared system and workload flags on a command (each names the systems it is for). */
export function addSystemWorkloadOptions(command: Command): Command {
  return command
    .option(
      '--isolation <level>',
      'postgres, mariadb: read-committed, repeatable-read or serializable (default)',
    )
    .option(
      '--reads <where>',
      "postgres: primary (default) or replicas (read-only txns on the worker's replica)",
    )
    .option(
      '--redis-mode <mode>',
      'redis: sentinel (default: primary, replicas, a Sentinel per node) or single',
    )
    .option('--sync-reads', 'zookeeper: sync() before every read')
    .option('--sequential', 'register: also check sequential consistency, beside linearizability')
    .option(
      '--consistency-model <model>',
      'list-append, rw-register: check against this model instead of the one --isolation promises',
    );
}

/** Rejects an unknown --consistency-model before anything starts. */
export function validateSystemWorkloadFlags(flags: SystemWorkloadFlags): void {
  if (flags.consistencyModel !== undefined && !isModelName(flags.consistencyModel)) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--consistency-model ${flags.consistencyModel} is not a model faultline knows.`,
      { hint: `Use one of: ${MODEL_NAMES.join(', ')}.` },
    );
  }
}

/** TestSpec.systemOptions from the flags. */
export function systemOptionsOf(flags: SystemWorkloadFlags): Record<string, unknown> {
  return {
    ...(flags.serializableReads === undefined ? {} : { serializableReads: flags.serializableReads }),
    syncReads: flags.syncReads ?? false,
    ...(flags.isolation ? { isolation: flags.isolation } : {}),
    ...(flags.reads ? { reads: flags.reads } : {}),
    ...(flags.redisMode ? { redisMode: flags.redisMode } : {}),
  };
}

/** TestSpec.workloadOptions from the flags. */
export function workloadOptionsOf(flags: SystemWorkloadFlags, system: System): Record<string, unknown> {
  return {
    system: system.name,
    sequential: flags.sequential ?? false,
    ...(flags.isolation ? { isolation: flags.isolation } : {}),
    ...(flags.consistencyModel ? { consistencyModel: flags.consistencyModel } : {}),
  };
}
