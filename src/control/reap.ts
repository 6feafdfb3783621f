import { hostname } from 'node:os';
import type Docker from 'dockerode';
import { dockerEngine } from './docker-engine.js';
import { HOST_LABEL, LABEL, PID_LABEL, RUN_LABEL } from './labels.js';

export interface ReapOptions {
  /** Remove this run's containers and network, whoever created them. */
  runId?: string;
  /** Remove every faultline container and network, even of runs still alive. */
  all?: boolean;
  docker?: Docker;
}

export interface ReapResult {
  containers: string[];
  networks: string[];
  /** The run ids (faultline.run labels) of what was removed, sorted. */
  runs: string[];
}

/**
 * Removes faultline containers and networks by label: those of `runId`, all of them with `all`, or
 * by default those whose creating process (faultline.pid on this host) is dead: `faultline clean`.
 */
export async function reap(options: ReapOptions = {}): Promise<ReapResult> {
  const docker = options.docker ?? (await dockerEngine());
  const filter = options.runId === undefined ? [`${LABEL}=1`] : [`${RUN_LABEL}=${options.runId}`];
  const condemned = (labels: Record<string, string> | undefined): boolean =>
    options.runId !== undefined || options.all === true || ownerDead(labels ?? {});

  const containers = (await docker.listContainers({ all: true, filters: { label: filter } })).filter((c) =>
    condemned(c.Labels),
  );
  await Promise.all(
    containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreMissing)),
  );
  const networks = (await docker.listNetworks({ filters: { label: filter } })).filter((n) =>
    condemned(n.Labels),
  );
  const removedNetworks: string[] = [];
  for (const n of networks) {
    await docker
      .getNetwork(n.Id)
      .remove()
      .then(() => removedNetworks.push(n.Name))
      .catch(ignoreMissing);
  }
  const runs = new Set(
    [...containers, ...networks].map((x) => x.Labels?.[RUN_LABEL]).filter((r) => r !== undefined),
  );
  return {
    containers: containers.map((c) => (c.Names[0] ?? c.Id).replace(/^\//, '')),
    networks: removedNetworks,
    runs: [...runs].sort(),
  };
}

/** True when the label names a process on this host that no longer exists. */
function ownerDead(labels: Record<string, string>): boolean {
  const pid = Number(labels[PID_LABEL]);
  if (labels[HOST_LABEL] !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function ignoreMissing(error: unknown): void {
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== 404 && status !== 409) throw error;
}
