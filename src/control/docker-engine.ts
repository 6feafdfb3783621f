import Docker from 'dockerode';
import { FaultlineError } from '../core/errors.js';

let shared: Promise<Docker> | undefined;

/**
 * Connects to the local Docker engine (DOCKER_HOST or the default socket) and checks that it answers.
 * Throws FaultlineError('NO_DOCKER') when it does not. The connection is shared per process.
 */
export function dockerEngine(): Promise<Docker> {
  shared ??= connect().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

async function connect(): Promise<Docker> {
  const docker = new Docker();
  try {
    await docker.ping();
  } catch (cause) {
    throw new FaultlineError('NO_DOCKER', 'No Docker engine answers on this machine.', {
      hint: 'Run scripts/ensure-docker (Debian, as root: installs docker.io and starts dockerd), or start dockerd yourself.',
      cause,
    });
  }
  return docker;
}
