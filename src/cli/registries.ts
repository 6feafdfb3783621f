import type { Workload } from '../core/workload.js';
import { bankWorkload } from '../../workloads/bank/bank-workload.js';
import { listAppendWorkload } from '../../workloads/list-append/list-append-workload.js';
import { rwRegisterWorkload } from '../../workloads/rw-register/rw-register-workload.js';
import { registerWorkload } from '../../workloads/register/register-workload.js';
import { setWorkload } from '../../workloads/set/set-workload.js';
import { queueWorkload } from '../../workloads/queue/queue-workload.js';

export { builtinSystems } from '../../systems/builtin-systems.js';

/** Workloads `--workload` accepts; a system supports those it has a client for. */
export const workloads = {
  register: registerWorkload,
  set: setWorkload,
  'list-append': listAppendWorkload,
  'rw-register': rwRegisterWorkload,
  bank: bankWorkload,
  queue: queueWorkload,
} satisfies Record<string, Workload>;
export type WorkloadName = keyof typeof workloads;
