import type { System } from '../core/system.js';
import type { Workload } from '../core/workload.js';
import { etcd } from '../../systems/etcd/etcd.js';
import { mariadbSystem } from '../../systems/mariadb/mariadb-system.js';
import { postgresSystem } from '../../systems/postgres/postgres-system.js';
import { redisSystem } from '../../systems/redis/redis-system.js';
import { zookeeperSystem } from '../../systems/zookeeper/zookeeper-system.js';
import { bankWorkload } from '../../workloads/bank/bank-workload.js';
import { listAppendWorkload } from '../../workloads/list-append/list-append-workload.js';
import { rwRegisterWorkload } from '../../workloads/rw-register/rw-register-workload.js';
import { registerWorkload } from '../../workloads/register/register-workload.js';
import { setWorkload } from '../../workloads/set/set-workload.js';

/** Databases `faultline test <system>` can run. */
export const systems = {
  etcd,
  postgres: postgresSystem,
  redis: redisSystem,
  zookeeper: zookeeperSystem,
  mariadb: mariadbSystem,
} satisfies Record<string, System>;
export type SystemName = keyof typeof systems;

/** Workloads `--workload` accepts; a system supports those it has a client for. */
export const workloads = {
  register: registerWorkload,
  set: setWorkload,
  'list-append': listAppendWorkload,
  'rw-register': rwRegisterWorkload,
  bank: bankWorkload,
} satisfies Record<string, Workload>;
export type WorkloadName = keyof typeof workloads;
