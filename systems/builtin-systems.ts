import type { System } from '../src/core/system.js';
import { etcd } from './etcd/etcd.js';
import { mariadbSystem } from './mariadb/mariadb-system.js';
import { natsSystem } from './nats/nats-system.js';
import { rabbitmqSystem } from './rabbitmq/rabbitmq-system.js';
import { postgresSystem } from './postgres/postgres-system.js';
import { redisSystem } from './redis/redis-system.js';
import { zookeeperSystem } from './zookeeper/zookeeper-system.js';

/** The databases faultline ships, each written on the public system SDK like any plugin. */
export const builtinSystems: readonly System[] = [
  etcd,
  postgresSystem,
  redisSystem,
  zookeeperSystem,
  mariadbSystem,
  natsSystem,
  rabbitmqSystem,
];
