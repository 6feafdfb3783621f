import { FAKETIME_FILE, FAKETIME_LIB } from '../src/control/faketime.js';
import type { Value } from '../src/core/op.js';

/** Whether the database process on a node sees the skewed clock, and why we think so. */
export interface ClockVisibility {
  [key: string]: Value;
  pid: number | null;
  /** The process environment names the faketime file (it was started under libfaketime). */
  preloaded: boolean;
  /** libfaketime is mapped into the process. */
  loaded: boolean;
  goBinary: boolean;
  /** Offset seen by `date` run under the same preload in the node, ms. */
  probeSkewMs: number | null;
  visible: 'yes' | 'no' | 'unknown';
  reason: string;
}

/** Shell run in the node with the pid as $1: prints key=value facts about the process and a probe. */
export const CLOCK_PROBE_SCRIPT = [
  'pid="$1"',
  'if [ -z "$pid" ] || [ ! -d "/proc/$pid" ]; then echo running=0; exit 0; fi',
  'echo running=1',
  `if tr '\\0' '\\n' < /proc/$pid/environ | grep -q '^FAKETIME_TIMESTAMP_FILE='; then echo env=1; else echo env=0; fi`,
  'if grep -q libfaketime /proc/$pid/maps; then echo loaded=1; else echo loaded=0; fi',
  "if grep -q -a 'Go buildinf' /proc/$pid/exe; then echo go=1; else echo go=0; fi",
  'echo real=$(date +%s%3N)',
  `echo skewed=$(LD_PRELOAD=${FAKETIME_LIB} FAKETIME_TIMESTAMP_FILE=${FAKETIME_FILE} FAKETIME_NO_CACHE=1 date +%s%3N)`,
].join('\n');

/** Interprets the probe's output given the offsets the faketime file may hold now (pure). */
export function judgeClockProbe(
  output: string,
  pid: number | undefined,
  expectedMs: number | readonly number[],
): ClockVisibility {
  const expected = typeof expectedMs === 'number' ? [expectedMs] : expectedMs;
  const facts = Object.fromEntries(
    output
      .split('\n')
      .map((l) => l.split('='))
      .filter((kv) => kv.length === 2),
  ) as Record<string, string>;
  const base = {
    pid: pid ?? null,
    preloaded: facts.env === '1',
    loaded: facts.loaded === '1',
    goBinary: facts.go === '1',
  };
  const skew = facts.real && facts.skewed ? Number(facts.skewed) - Number(facts.real) : NaN;
  const probeSkewMs = Number.isFinite(skew) ? skew : null;
  const out = (visible: ClockVisibility['visible'], reason: string): ClockVisibility => ({
    ...base,
    probeSkewMs,
    visible,
    reason,
  });
  if (pid === undefined) return out('unknown', 'the system does not report its process id (no HasProcess)');
  if (facts.running !== '1') return out('unknown', `process ${pid} is not running`);
  if (!base.preloaded || !base.loaded)
    return out('no', 'the process was not started with libfaketime preloaded');
  if (base.goBinary) {
    return out(
      'no',
      'Go binary: the Go runtime reads the clock through the vDSO and raw syscalls, not libc, so libfaketime has no effect',
    );
  }
  if (probeSkewMs !== null && expected.some((e) => Math.abs(probeSkewMs - e) <= 2000)) {
    return out(
      'yes',
      'libfaketime is loaded in the process and a probe under the same preload sees the offset',
    );
  }
  return out('unknown', 'libfaketime is loaded but the probe did not see the expected offset');
}

/**
 * Which mechanism skews the process, from the probe's facts before the fault (pure): libfaketime
 * when the process was started under it and is not a Go binary, else the ptrace tool when the node
 * has it and the system reports a pid; else libfaketime, whose probe then says why it is not seen.
 */
export function clockMechanism(
  output: string,
  pid: number | undefined,
  hasTool: boolean,
): 'faketime' | 'ptrace' {
  const facts = new Set(output.split('\n').map((l) => l.trim()));
  const reaches = facts.has('running=1') && facts.has('env=1') && facts.has('loaded=1') && facts.has('go=0');
  return reaches || pid === undefined || !hasTool ? 'faketime' : 'ptrace';
}
