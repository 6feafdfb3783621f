import { FAKETIME_INIT, faketimeEnv } from '../../src/control/faketime.js';
import { ETCD_LOG, ETCD_PIDFILE } from './etcd-paths.js';

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Shell test: the pidfile names a live etcd process. */
const RUNNING = `{ [ -s ${ETCD_PIDFILE} ] && [ "$(cat /proc/$(cat ${ETCD_PIDFILE})/comm 2>/dev/null)" = etcd ]; }`;

/**
 * Starts etcd in the background (idempotent: nothing when already running), under libfaketime so the
 * clock nemesis can try to skew it, with output appended to the log and its pid in the pidfile.
 */
export function startScript(command: readonly string[]): string {
  const env = Object.entries(faketimeEnv())
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(' ');
  return [
    `if ${RUNNING}; then exit 0; fi`,
    FAKETIME_INIT,
    `mkdir -p $(dirname ${ETCD_LOG}) $(dirname ${ETCD_PIDFILE})`,
    `echo "=== faultline: starting etcd $(date -u +%FT%T.%NZ)" >> ${ETCD_LOG}`,
    `env ${env} setsid ${command.map(quote).join(' ')} >> ${ETCD_LOG} 2>&1 < /dev/null &`,
    `echo $! > ${ETCD_PIDFILE}`,
  ].join('\n');
}

/** SIGKILLs etcd and waits until it is gone (also when paused); nothing when not running. */
export const killScript = [
  `if ${RUNNING}; then`,
  `  pid=$(cat ${ETCD_PIDFILE})`,
  '  kill -9 "$pid"',
  '  i=0; while [ -d "/proc/$pid" ] && [ "$(cut -d" " -f3 /proc/$pid/stat 2>/dev/null)" != Z ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done',
  `  echo "=== faultline: killed etcd (pid $pid) $(date -u +%FT%T.%NZ)" >> ${ETCD_LOG}`,
  'fi',
].join('\n');

/** Sends a signal (STOP or CONT) to etcd when it runs. */
export function signalScript(signal: 'STOP' | 'CONT'): string {
  return `if ${RUNNING}; then kill -${signal} "$(cat ${ETCD_PIDFILE})"; fi`;
}

/** Prints etcd's pid when it runs. */
export const pidScript = `if ${RUNNING}; then cat ${ETCD_PIDFILE}; fi`;
