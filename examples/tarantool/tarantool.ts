// A faultline system plugin for Tarantool 2.6 from Debian: docs/writing-a-system.md builds it step by step.
import { daemon, defineSystem, runChecked, waitUntil, type SystemContext } from 'faultline/system';
import { LuaConsole } from './lua-console.js';
import { tarantoolRegisterClients } from './register-client.js';
import {
  CONSOLE_PORT,
  TARANTOOL_DATA,
  TARANTOOL_INIT,
  TARANTOOL_LOG,
  TARANTOOL_PID,
  tarantoolInit,
} from './tarantool-config.js';

// EDIT: your database's command line, process name and files.
/** The server on a node: started in the background, tracked by its pid file, killable and pausable. */
const tarantool = daemon({
  command: ['tarantool', TARANTOOL_INIT],
  comm: 'tarantool',
  pidFile: TARANTOOL_PID,
  logFile: TARANTOOL_LOG,
  cwd: TARANTOOL_DATA,
});

/** Asks a node's console one Lua expression. */
async function ask(ctx: SystemContext, node: string, lua: string): Promise<unknown> {
  const console = await LuaConsole.open(ctx.cluster.ip(node), CONSOLE_PORT);
  try {
    return await console.eval(lua);
  } finally {
    console.close();
  }
}

// EDIT: how your database says it is up.
/** Healthy: every node's box is running, and the leader sees every replica following it. */
async function waitHealthy(ctx: SystemContext): Promise<void> {
  const { nodes } = ctx.cluster;
  for (const node of nodes) {
    await waitUntil(`Tarantool on ${node} to run`, async () =>
      (await ask(ctx, node, 'return box.info.status')) === 'running' ? true : undefined,
    );
  }
  const followers = `local n = 0 for _, r in pairs(box.info.replication) do if r.downstream and r.downstream.status == 'follow' then n = n + 1 end end return n`;
  await waitUntil(`the leader to see ${nodes.length - 1} replicas following`, async () =>
    (await ask(ctx, nodes[0]!, followers)) === nodes.length - 1 ? true : undefined,
  );
}

export default defineSystem({
  // EDIT: name, description and image (Debian packages, your Dockerfile, host files or a tag).
  name: 'tarantool',
  description: 'Tarantool 2.6 (Debian): leader n1, read-only replicas, a synchronous space (majority quorum)',
  image: { name: 'tarantool', aptPackages: ['tarantool'] },
  promises: () => ({
    objects: 'linearizable',
    note: 'every op goes to the leader; synchronous replication commits on a majority',
  }),
  examples: ['faultline test ./tarantool.ts --nodes 3 --nemesis partition,kill --time-limit 30'],

  async version(ctx) {
    return String(await ask(ctx, ctx.cluster.nodes[0]!, 'return box.info.version'));
  },

  // EDIT: install the config on every node, start the servers, wait until healthy.
  async setup(ctx) {
    const { nodes } = ctx.cluster;
    const leaderIp = ctx.cluster.ip(nodes[0]!);
    await Promise.all(
      nodes.map(async (node, i) => {
        await runChecked(ctx, node, 'clean', `${tarantool.stopScript('KILL')}\nrm -rf ${TARANTOOL_DATA} && mkdir -p ${TARANTOOL_DATA}`);
        const init = tarantoolInit({ leaderIp, isLeader: i === 0, nodes: nodes.length });
        await ctx.cluster.remote.upload(node, TARANTOOL_INIT, init);
      }),
    );
    // The leader bootstraps the replica set first; the replicas then join it.
    await tarantool.start(ctx, nodes[0]!);
    await Promise.all(nodes.slice(1).map((node) => tarantool.start(ctx, node)));
    await waitHealthy(ctx);
    ctx.log(`tarantool: ${nodes[0]} leads, ${nodes.length - 1} replicas follow`);
  },

  async teardown(ctx) {
    await Promise.all(ctx.cluster.nodes.map((node) => tarantool.kill(ctx, node)));
  },

  logFiles: () => [TARANTOOL_LOG, TARANTOOL_INIT],

  // EDIT: a client per workload (register-client.ts speaks Tarantool's Lua console).
  clients: { register: tarantoolRegisterClients },

  killable: tarantool,
  pausable: tarantool,
  process: tarantool,

  primaries: { primaries: (ctx) => Promise.resolve([ctx.cluster.nodes[0]!]) },
});
