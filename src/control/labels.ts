import { hostname } from 'node:os';

/** Label on every container, network and image faultline creates. */
export const LABEL = 'faultline';
/** Label naming the run a container or network belongs to. */
export const RUN_LABEL = 'faultline.run';
/** Label holding the pid of the faultline process that created it, for reaping after a hard kill. */
export const PID_LABEL = 'faultline.pid';
/** Label holding the host name of that process, so a pid is only judged on its own host. */
export const HOST_LABEL = 'faultline.host';
/** Label holding the node name (n1..nN) of a container. */
export const NODE_LABEL = 'faultline.node';

/** The labels stamped on everything a run creates. */
export function runLabels(runId: string, pid: number = process.pid): Record<string, string> {
  return { [LABEL]: '1', [RUN_LABEL]: runId, [PID_LABEL]: String(pid), [HOST_LABEL]: hostname() };
}
