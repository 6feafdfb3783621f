import type { Command } from 'commander';
import { reap } from '../../control/reap.js';
import { connectSshCluster } from '../../control/ssh-cluster.js';
import { addPlatformOptions, countOrHosts, sshTargetsOf, type PlatformFlags } from '../platform-options.js';

interface CleanFlags extends PlatformFlags {
  run?: string;
  all?: boolean;
  nodes?: number | string;
}

/** `faultline clean --ssh`: remove faultline's processes, iptables chains and runtime files from hosts. */
async function cleanSshHosts(flags: CleanFlags): Promise<void> {
  const targets = sshTargetsOf(flags.nodes, flags);
  const cluster = await connectSshCluster({
    runId: 'clean',
    targets,
    ...(flags.sshKey ? { auth: { keyFile: flags.sshKey } } : {}),
    strictHostKeyChecking: flags.strictHostKeyChecking ?? true,
    ...(flags.knownHosts ? { knownHostsFiles: [flags.knownHosts] } : {}),
    sudo: flags.sudo ?? false,
  });
  try {
    const done = await cluster.cleanHosts();
    for (const node of cluster.nodes) process.stdout.write(`${node}: ${done[node]}\n`);
    if (Object.values(done).some((r) => r.startsWith('cleanup failed'))) process.exitCode = 255;
  } finally {
    cluster.close();
  }
}

/** `faultline clean`: remove containers and networks left behind by runs that were killed hard. */
export function addCleanCommand(program: Command): void {
  const command = program
    .command('clean')
    .description(
      'Remove faultline containers and networks left by runs whose process is gone (by label); with --ssh, what faultline left on your hosts.',
    )
    .option('--run <id>', 'remove everything of this run id (e.g. one kept with --keep)')
    .option('--all', 'remove every faultline container and network, even of runs still going')
    .option('--nodes <hosts>', 'with --ssh: the hosts to clean (h1,h2,h3)', countOrHosts);
  addPlatformOptions(command)
    .addHelpText(
      'after',
      `
With --ssh it kills every process faultline started (pidfiles in /run/faultline), removes every
faultline-* iptables chain and the jumps to it, and /run/faultline; nothing else on the hosts.

Examples:
  $ faultline clean
  $ faultline clean --run lq3x9a1b2c3
  $ faultline clean --all
  $ faultline clean --ssh --nodes n1,n2,n3 --ssh-user admin --sudo`,
    )
    .action(async (flags: CleanFlags) => {
      if (flags.ssh) {
        await cleanSshHosts(flags);
        return;
      }
      const r = await reap({
        ...(flags.run ? { runId: flags.run } : {}),
        ...(flags.all ? { all: true } : {}),
      });
      process.stdout.write(`removed ${r.containers.length} containers and ${r.networks.length} networks\n`);
    });
}
