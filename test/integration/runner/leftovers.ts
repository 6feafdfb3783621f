import { dockerEngine } from '../../../src/control/docker-engine.js';
import { RUN_LABEL } from '../../../src/control/labels.js';

/** Containers and networks still carrying the run's label. */
export async function leftovers(runId: string): Promise<{ containers: string[]; networks: string[] }> {
  const docker = await dockerEngine();
  const filters = { label: [`${RUN_LABEL}=${runId}`] };
  const containers = await docker.listContainers({ all: true, filters });
  const networks = await docker.listNetworks({ filters });
  return { containers: containers.flatMap((c) => c.Names), networks: networks.map((n) => n.Name) };
}
