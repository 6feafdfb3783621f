/** Pid file of a detached system-clock strobe on a host (reaped by the host cleanup like any pid file). */
export const SYSTEM_CLOCK_STROBE_PID = '/run/faultline/system-clock-strobe.pid';

/** A word in the strobe's own command line, so a stale pid file never names another process. */
const STROBE_MARK = 'faultline-system-clock-strobe';

/** Prints the node's CLOCK_REALTIME in integer nanoseconds since the epoch. */
export const READ_CLOCK_COMMAND: readonly string[] = ['date', '+%s%N'];

/** Integer nanoseconds of a millisecond offset (what the shell's 64-bit arithmetic adds). */
function nanos(ms: number): string {
  return (BigInt(Math.round(ms * 1000)) * 1000n).toString();
}

/**
 * Shell that moves CLOCK_REALTIME by `deltaMs`, relative to what the clock shows at that instant
 * (read and set within one shell, so only the fork of `date -s` is lost, about a millisecond).
 */
export function shiftClockScript(deltaMs: number): string {
  return shiftLine(nanos(deltaMs));
}

function shiftLine(deltaNs: string): string {
  return `n=$(( $(date +%s%N) + (${deltaNs}) )) && date -u -s "@$((n / 1000000000)).$(printf %09d $((n % 1000000000)))" >/dev/null`;
}

/**
 * Shell (run detached) that moves the clock `deltaMs` ahead, then back, every `periodMs`, for
 * `durationMs`; it ends where it started, up to the forks' drift, which the restore corrects.
 */
export function strobeClockScript(deltaMs: number, periodMs: number, durationMs: number): string {
  const rounds = Math.max(1, Math.ceil(durationMs / (2 * periodMs)));
  const half = (Math.max(1, periodMs) / 1000).toFixed(3);
  const d = nanos(deltaMs);
  return [
    `: ${STROBE_MARK}`,
    `mkdir -p /run/faultline && echo $$ > ${SYSTEM_CLOCK_STROBE_PID}`,
    `i=0; while [ $i -lt ${rounds} ]; do ${shiftLine(d)}; sleep ${half}; ${shiftLine(`-(${d})`)}; sleep ${half}; i=$((i+1)); done`,
    `rm -f ${SYSTEM_CLOCK_STROBE_PID}`,
  ].join('; ');
}

/** Shell that stops a running strobe, only if the pid file still names it, and waits for it to end. */
export const STOP_SYSTEM_CLOCK_STROBE = [
  `if [ -f ${SYSTEM_CLOCK_STROBE_PID} ]; then`,
  `  p=$(cat ${SYSTEM_CLOCK_STROBE_PID})`,
  `  if [ -n "$p" ] && grep -qa ${STROBE_MARK} /proc/$p/cmdline 2>/dev/null; then kill $p; while [ -d /proc/$p ]; do sleep 0.01; done; fi`,
  `  rm -f ${SYSTEM_CLOCK_STROBE_PID}`,
  'fi',
].join('\n');
