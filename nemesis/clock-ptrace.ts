import { CLOCK_TOOL_PATH } from '../src/control/clock-tool.js';

/** Pid file of a detached `faultline-clock strobe` in a node. */
export const PTRACE_STROBE_PID = '/run/faultline/clock-strobe.pid';

/** Milliseconds as the tool's integer nanoseconds. */
export function toNs(ms: number): string {
  return (BigInt(Math.round(ms)) * 1_000_000n).toString();
}

/** Shell that stops a running ptrace strobe (only if the pid file still names the tool). */
export const STOP_PTRACE_STROBE = `{ [ -f ${PTRACE_STROBE_PID} ] && p=$(cat ${PTRACE_STROBE_PID}) && [ "$(cat /proc/$p/comm 2>/dev/null)" = faultline-clock ] && kill $p; rm -f ${PTRACE_STROBE_PID}; true; }`;

/** Shell that stops any strobe, then patches process `pid` (or changes its offsets). */
export function ptraceSetScript(pid: number, realtimeMs: number, monotonicMs: number): string {
  return `${STOP_PTRACE_STROBE} && ${CLOCK_TOOL_PATH} set ${pid} ${toNs(realtimeMs)} ${toNs(monotonicMs)}`;
}

/** Shell (run detached) that flips a patched process's offsets between the given ones and 0, ending at 0. */
export function ptraceStrobeScript(
  pid: number,
  realtimeMs: number,
  monotonicMs: number,
  periodMs: number,
  durationMs: number,
): string {
  const args = [
    pid,
    toNs(realtimeMs),
    toNs(monotonicMs),
    Math.max(1, Math.round(periodMs)),
    Math.round(durationMs),
  ];
  return `echo $$ > ${PTRACE_STROBE_PID} && exec ${CLOCK_TOOL_PATH} strobe ${args.join(' ')}`;
}

/** Shell that stops a strobe and restores the original vDSO code of `pid` (if it still runs and was patched). */
export function ptraceResetScript(pid: number | undefined): string {
  if (pid === undefined) return STOP_PTRACE_STROBE;
  return `${STOP_PTRACE_STROBE} && { [ ! -x ${CLOCK_TOOL_PATH} ] || [ ! -d /proc/${pid} ] || ${CLOCK_TOOL_PATH} reset ${pid}; }`;
}

/** The command that makes process `pid` read its own clocks and prints the skews. */
export function ptraceProbeCommand(pid: number): string[] {
  return [CLOCK_TOOL_PATH, 'probe', String(pid)];
}
