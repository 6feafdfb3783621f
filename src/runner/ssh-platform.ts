import { FaultlineError } from '../core/errors.js';
import { connectSshCluster, type SshClusterOptions } from '../control/ssh-cluster.js';
import type { SshTarget } from '../control/ssh-target.js';
import type { Platform } from './platform.js';

/** How to reach and prepare the hosts of an SSH run. */
export interface SshPlatformOptions extends Omit<SshClusterOptions, 'runId' | 'onProgress'> {
  targets: readonly SshTarget[];
  /** Install the system's packages, files and setup steps (default true; false: `--no-install`). */
  install?: boolean;
}

/**
 * The user's own hosts over SSH: every host is connected to and checked (reachable, host key,
 * credentials, root) before anything is installed; then the system's recipe is installed on each
 * (unless `install: false`). Destroy removes what faultline left on the hosts and disconnects.
 */
export function sshPlatform(options: SshPlatformOptions): Platform {
  const shell = (t: SshTarget): string =>
    `${t.user}@${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
  return {
    name: 'ssh',
    images: (recipe, _onProgress, layer) =>
      layer
        ? Promise.reject(
            new FaultlineError('BAD_ARGUMENT', `A fault here needs the ${layer.name} image layer.`, {
              hint: 'The file-system faults run only on Docker for now: drop --ssh, or leave those faults out.',
            }),
          )
        : Promise.resolve(`${recipe.name} installed on the hosts`),
    async createCluster(o) {
      if (o.nodes !== options.targets.length) {
        throw new FaultlineError(
          'BAD_ARGUMENT',
          `The test asks for ${o.nodes} nodes but ${options.targets.length} hosts are given.`,
          { hint: 'Give as many hosts as nodes (the node count of an SSH run is the number of hosts).' },
        );
      }
      const cluster = await connectSshCluster({ ...options, runId: o.runId, onProgress: o.onProgress });
      try {
        if (options.install ?? true) await cluster.install(o.recipe, o.onProgress);
        else o.onProgress(`--no-install: using ${o.recipe.name} as installed on the hosts`);
      } catch (error) {
        cluster.close();
        throw error;
      }
      return cluster;
    },
    // Nothing is left on the control node; the hosts were cleaned by destroy (or need `clean --ssh`).
    reap: () => Promise.resolve(),
    cleanCommand: () => `faultline clean --ssh --nodes ${options.targets.map(shell).join(',')}`,
  };
}
