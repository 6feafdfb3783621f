import {
  pausableByName,
  signalByName,
  type Killable,
  type Pausable,
  type SystemContext,
} from '../../src/sdk/index.js';
import { patroniDaemon } from './patroni-daemon.js';
import { parsePatroniOptions } from './patroni-options.js';

const postgresProcesses = pausableByName('postgres');

function target(ctx: SystemContext): 'postgres' | 'patroni' {
  return parsePatroniOptions(ctx.options).faultProcess;
}

/**
 * Kill hits the daemon `--fault-process` names. Killing PostgreSQL (every postgres process) leaves
 * Patroni to restart it; killing Patroni leaves PostgreSQL running unmanaged until Patroni is
 * restarted. `start` restarts Patroni when it is not running, and Patroni starts PostgreSQL.
 */
export const patroniKillable: Killable = {
  async kill(ctx, node) {
    if (target(ctx) === 'patroni') await patroniDaemon.kill(ctx, node);
    else await signalByName(ctx, node, 'postgres', 'KILL');
  },
  start: (ctx, node) => patroniDaemon.start(ctx, node),
};

/** Pause (SIGSTOP) and resume the daemon `--fault-process` names: every postgres process, or Patroni. */
export const patroniPausable: Pausable = {
  pause: (ctx, node) =>
    target(ctx) === 'patroni' ? patroniDaemon.pause(ctx, node) : postgresProcesses.pause(ctx, node),
  resume: (ctx, node) =>
    target(ctx) === 'patroni' ? patroniDaemon.resume(ctx, node) : postgresProcesses.resume(ctx, node),
};
