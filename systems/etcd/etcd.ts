import { FaultlineError } from '../../src/core/errors.js';
import type { System, SystemContext } from '../../src/core/system.js';
import { etcdCommand } from './etcd-command.js';
import { memberHealth, waitHealthy } from './etcd-health.js';
import { etcdImage } from './etcd-image.js';
import { ETCD_BIN, ETCD_DATA_ROOT, ETCD_LOG } from './etcd-paths.js';
import { killScript, pidScript, signalScript, startScript } from './etcd-scripts.js';
import { etcdRegisterClients } from './register-client.js';
import { etcdSetClients } from './set-client.js';

/** Runs a shell script on a node; throws SYSTEM_START_FAILED (for `what`) on a non-zero exit. */
async function sh(
  ctx: SystemContext,
  node: string,
  what: string,
  script: string,
  timeoutMs = 30_000,
): Promise<string> {
  const r = await ctx.cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs });
  if (r.exitCode !== 0) {
    throw new FaultlineError(
      'SYSTEM_START_FAILED',
      `etcd: ${what} on ${node} failed (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim()}`,
      {
        hint: `See ${ETCD_LOG} on the node (collected into the run directory).`,
      },
    );
  }
  return r.stdout;
}

async function start(ctx: SystemContext, node: string): Promise<void> {
  await sh(ctx, node, 'start', startScript(etcdCommand(ctx.cluster, node)));
}

/** etcd 3.4 from Debian: a static cluster of all nodes, members named after nodes, clients via the v3 JSON gateway. */
export const etcd: System = {
  name: 'etcd',
  description: "etcd 3.4 (Debian's etcd-server): static N-member raft cluster, v3 JSON gateway clients",
  image: etcdImage,

  async version(ctx) {
    const out = await sh(ctx, ctx.cluster.nodes[0]!, 'etcd --version', `${ETCD_BIN} --version`);
    return /etcd Version:\s*(\S+)/.exec(out)?.[1] ?? out.trim().split('\n')[0] ?? 'unknown';
  },

  async setup(ctx) {
    const { nodes } = ctx.cluster;
    ctx.log(`etcd: starting ${nodes.length} members`);
    await Promise.all(
      nodes.map(async (node) => {
        await sh(ctx, node, 'clean', `${killScript}\nrm -rf ${ETCD_DATA_ROOT}`);
        await start(ctx, node);
      }),
    );
    await waitHealthy(ctx, nodes);
    ctx.log('etcd: all members healthy, leader elected');
  },

  async teardown(ctx) {
    await Promise.all(
      ctx.cluster.nodes.map((node) =>
        ctx.cluster.remote.exec(node, ['sh', '-c', `${signalScript('CONT')}\n${killScript}`], {
          timeoutMs: 30_000,
        }),
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

  killable: {
    async kill(ctx, node) {
      await sh(ctx, node, 'kill -9', killScript);
    },
    start,
  },

  pausable: {
    async pause(ctx, node) {
      await sh(ctx, node, 'SIGSTOP', signalScript('STOP'));
    },
    async resume(ctx, node) {
      await sh(ctx, node, 'SIGCONT', signalScript('CONT'));
    },
  },

  process: {
    async pid(ctx, node) {
      const r = await ctx.cluster.remote.exec(node, ['sh', '-c', pidScript], { timeoutMs: 10_000 });
      const pid = Number.parseInt(r.stdout.trim(), 10);
      return Number.isFinite(pid) ? pid : undefined;
    },
  },

  primaries: {
    async primaries(ctx) {
      const health = await memberHealth(ctx, ctx.cluster.nodes);
      return ctx.cluster.nodes.filter((n) => {
        const h = health[n];
        return h?.ok === true && h.memberId === h.leader;
      });
    },
  },
};
