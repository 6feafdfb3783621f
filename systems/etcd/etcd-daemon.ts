import { daemon } from '../../src/sdk/index.js';
import { etcdCommand } from './etcd-command.js';
import { ETCD_LOG, ETCD_PIDFILE } from './etcd-paths.js';

/** etcd on a node: started under libfaketime with its per-node command line, tracked by its pid file. */
export const etcdDaemon = daemon({
  command: (ctx, node) => etcdCommand(ctx.cluster, node),
  comm: 'etcd',
  pidFile: ETCD_PIDFILE,
  logFile: ETCD_LOG,
});
