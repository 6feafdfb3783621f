import type { System } from '../core/system.js';
import type { Workload } from '../core/workload.js';
import { etcd } from '../../systems/etcd/etcd.js';
import { registerWorkload } from '../../workloads/register/register-workload.js';
import { setWorkload } from '../../workloads/set/set-workload.js';

/** Databases `faultline test <system>` can run. */
export const systems = { etcd } satisfies Record<string, System>;
export type SystemName = keyof typeof systems;

/** Workloads `--workload` accepts; a system supports those it has a client for. */
export const workloads = { register: registerWorkload, set: setWorkload } satisfies Record<string, Workload>;
export type WorkloadName = keyof typeof workloads;
