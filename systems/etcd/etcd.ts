import { defineSystem, runChecked } from '../../src/sdk/index.js';
import { memberHealth, waitHealthy } from './etcd-health.js';
import { etcdDaemon } from './etcd-daemon.js';
import { etcdImage } from './etcd-image.js';
import { etcdOptions } from './etcd-options.js';
import { ETCD_BIN, ETCD_DATA_ROOT, ETCD_LOG } from './etcd-paths.js';
import { etcdRegisterClients } from './register-client.js';
import { etcdSetClients } from './set-client.js';

/** etcd 3.4 from Debian: a static cluster of all nodes, members named after nodes, clients via the v3 JSON gateway. */
export const etcd = defineSystem({
  name: 'etcd',
  description: "etcd 3.4 (Debian's etcd-server): static N-member raft cluster, v3 JSON gateway clients",
  image: etcdImage,
  options: etcdOptions,
  promises: (options) =>
    options['serializableReads'] === true
      ? { note: 'serializable reads are served by the local member and may be stale: reads promise no model' }
      : { objects: 'linearizable', note: 'etcd API guarantees: linearizable reads and writes' },
  examples: [
    'faultline test etcd --workload register --nemesis partition,kill --time-limit 60 --seed 1',
    'faultline test etcd --workload set --nemesis partition --nodes 3 --rate 100',
    'faultline test etcd --serializable-reads --nemesis partition --partition one --time-limit 30',
    'faultline test etcd --ssh --nodes n1,n2,n3 --ssh-user admin --sudo --nemesis partition,kill',
    'faultline test etcd --ssh --nodes-file nodes.txt --no-install --nemesis partition',
  ],

  async version(ctx) {
    const out = await runChecked(ctx, ctx.cluster.nodes[0]!, 'etcd --version', `${ETCD_BIN} --version`);
    return /etcd Version:\s*(\S+)/.exec(out)?.[1] ?? out.trim().split('\n')[0] ?? 'unknown';
  },

  async setup(ctx) {
    const { nodes } = ctx.cluster;
    ctx.log(`etcd: starting ${nodes.length} members`);
    await Promise.all(
      nodes.map(async (node) => {
        await runChecked(
          ctx,
          node,
          'etcd clean',
          `${etcdDaemon.stopScript('KILL')}\nrm -rf ${ETCD_DATA_ROOT}`,
        );
        await etcdDaemon.start(ctx, node);
      }),
    );
    await waitHealthy(ctx, nodes);
    ctx.log('etcd: all members healthy, leader elected');
  },

  async teardown(ctx) {
    await Promise.all(
      ctx.cluster.nodes.map((node) =>
        ctx.cluster.remote.exec(node, ['sh', '-c', etcdDaemon.stopScript('KILL')], { timeoutMs: 30_000 }),
      ),
    );
  },

  logFiles: () => [ETCD_LOG],

  // etcd fdatasyncs its WAL before it acknowledges, and fsyncs new WAL files and their directory.
  storage: {
    dataDir: ETCD_DATA_ROOT,
    corruptible: ['*.etcd/member/wal/*.wal', '*.etcd/member/snap/db'],
  },

  clients: { register: etcdRegisterClients, set: etcdSetClients },

  killable: etcdDaemon,
  pausable: etcdDaemon,
  process: etcdDaemon,

  primaries: {
    async primaries(ctx) {
      const health = await memberHealth(ctx, ctx.cluster.nodes);
      return ctx.cluster.nodes.filter((n) => {
        const h = health[n];
        return h?.ok === true && h.memberId === h.leader;
      });
    },
  },
});
