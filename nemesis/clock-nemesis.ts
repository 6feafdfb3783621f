import { CLOCK_TOOL_PATH, ensureClockTool } from '../src/control/clock-tool.js';
import { FAKETIME_FILE } from '../src/control/faketime.js';
import { FaultlineError } from '../src/core/errors.js';
import type { FaultKind, FaultOp, FaultResult, Nemesis } from '../src/core/nemesis.js';
import type { Value } from '../src/core/op.js';
import type { System, SystemContext } from '../src/core/system.js';
import { CLOCK_PROBE_SCRIPT, clockMechanism, judgeClockProbe } from './clock-probe.js';
import { judgePtraceProbe } from './clock-ptrace-probe.js';
import {
  ptraceProbeCommand,
  ptraceResetScript,
  ptraceSetScript,
  ptraceStrobeScript,
} from './clock-ptrace.js';
import { mathRng } from './math-rng.js';
import { onNodes } from './on-nodes.js';
import { nodesOf, pickNodes, type Target } from './targets.js';

const STROBE_PID = '/run/faultline/strobe.pid';

/** libfaketime's relative offset syntax: signed seconds with millisecond decimals. */
export function faketimeOffset(ms: number): string {
  return `${ms < 0 ? '-' : '+'}${(Math.abs(ms) / 1000).toFixed(3)}`;
}

/** Shell that writes an offset into the faketime file, stopping any strobe first. */
function setOffsetScript(ms: number): string {
  return `mkdir -p /run/faultline && { [ -f ${STROBE_PID} ] && kill $(cat ${STROBE_PID}) 2>/dev/null; rm -f ${STROBE_PID}; echo '${faketimeOffset(ms)}' > ${FAKETIME_FILE}; }`;
}

/** Shell loop (run detached) that flips the offset between `ms` and 0 every `periodMs` for `durationMs`. */
function strobeScript(ms: number, periodMs: number, durationMs: number): string {
  const half = (periodMs / 1000).toFixed(3);
  const rounds = Math.max(1, Math.ceil(durationMs / (2 * periodMs)));
  return [
    setOffsetScript(0),
    `echo $$ > ${STROBE_PID}`,
    `i=0; while [ $i -lt ${rounds} ]; do echo '${faketimeOffset(ms)}' > ${FAKETIME_FILE}; sleep ${half}; echo '+0' > ${FAKETIME_FILE}; sleep ${half}; i=$((i+1)); done`,
    `rm -f ${STROBE_PID}`,
  ].join('; ');
}

export interface ClockFaultValue {
  [key: string]: Value;
  nodes: string[];
  deltaMs: number;
}

/** A bump or strobe as the nemesis applies it to one node. */
interface Skew {
  deltaMs: number;
  /** Skew CLOCK_MONOTONIC (and BOOTTIME) too: only the ptrace mechanism does it on request. */
  monotonic: boolean;
  strobe?: { periodMs: number; durationMs: number };
}

export interface ClockNemesisOptions {
  /** The ptrace clock tool's binary (default: built by ensureClockTool); installed on every node. */
  tool?: () => Promise<Uint8Array>;
}

/**
 * Skews the database's clock: through libfaketime when the process runs under it (systems start it
 * with faketimeEnv()) and is not a Go binary, else through the ptrace tool `faultline-clock`, which
 * patches the process's vDSO clock functions. `bump-clock` `{ nodes, deltaMs, monotonic? }`,
 * `strobe-clock` `{ nodes, deltaMs, periodMs, durationMs, monotonic? }`, `reset-clock` (all nodes).
 * Each start result says per node which mechanism was used and whether the process sees the skew.
 */
export function clockNemesis(options: ClockNemesisOptions = {}): Nemesis {
  let system: System | undefined;
  let hasTool = false;
  return {
    name: 'clock',
    fs: ['bump-clock', 'strobe-clock', 'reset-clock'],
    async setup(ctx, sys) {
      system = sys;
      await onNodes(ctx.cluster.nodes, (node) => sh(ctx, node, setOffsetScript(0)));
      if (sys.process) {
        const binary = await (options.tool ?? (() => ensureClockTool()))();
        const errors = await onNodes(ctx.cluster.nodes, (node) =>
          ctx.cluster.remote.upload(node, CLOCK_TOOL_PATH, binary, 0o755),
        );
        if (Object.keys(errors).length > 0) {
          throw new FaultlineError(
            'NODE_EXEC_FAILED',
            `Cannot install ${CLOCK_TOOL_PATH}: ${JSON.stringify(errors)}`,
            {
              hint: 'The nodes must accept file uploads (is the cluster still running?).',
            },
          );
        }
        hasTool = true;
      }
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      if (op.f === 'reset-clock') {
        const errors = await onNodes(ctx.cluster.nodes, (node) => resetNode(ctx, system, node));
        return withErrors({ reset: [...ctx.cluster.nodes] }, errors);
      }
      const v = (op.value ?? {}) as Partial<{
        nodes: Value;
        deltaMs: number;
        periodMs: number;
        durationMs: number;
        monotonic: boolean;
      }>;
      const nodes = nodesOf(v.nodes ?? 'one', ctx.cluster.nodes, mathRng);
      const skew: Skew = {
        deltaMs: typeof v.deltaMs === 'number' ? v.deltaMs : 60_000,
        monotonic: v.monotonic === true,
        ...(op.f === 'strobe-clock'
          ? { strobe: { periodMs: v.periodMs ?? 100, durationMs: v.durationMs ?? 10_000 } }
          : {}),
      };
      const visibility: Record<string, Value> = {};
      const errors = await onNodes(nodes, async (node) => {
        visibility[node] = await skewNode(ctx, system, node, skew, hasTool);
      });
      const value: { [key: string]: Value } = { nodes, deltaMs: skew.deltaMs };
      if (skew.strobe) Object.assign(value, skew.strobe);
      if (skew.monotonic) value.monotonic = true;
      value.visibility = visibility;
      return withErrors(value, errors);
    },
    async teardown(ctx) {
      await onNodes(ctx.cluster.nodes, (node) => resetNode(ctx, system, node));
    },
  };
}

/** Applies a skew to one node's database process and reports whether the process sees it. */
async function skewNode(
  ctx: SystemContext,
  system: System | undefined,
  node: string,
  skew: Skew,
  hasTool: boolean,
): Promise<Value> {
  const pid = await system?.process?.pid(ctx, node);
  const before = await faketimeProbe(ctx, node, pid);
  if (clockMechanism(before, pid, hasTool) === 'faketime' || pid === undefined) {
    if (skew.strobe) {
      const { periodMs, durationMs } = skew.strobe;
      await ctx.cluster.remote.exec(node, ['sh', '-c', strobeScript(skew.deltaMs, periodMs, durationMs)], {
        detach: true,
      });
      await new Promise((r) => setTimeout(r, 50));
    } else {
      await sh(ctx, node, setOffsetScript(skew.deltaMs));
    }
    // A strobe may be in either phase when probed.
    const after = await faketimeProbe(ctx, node, pid);
    return {
      ...judgeClockProbe(after, pid, skew.strobe ? [skew.deltaMs, 0] : [skew.deltaMs]),
      mechanism: 'faketime',
    };
  }
  const monotonicMs = skew.monotonic ? skew.deltaMs : 0;
  const set = await ctx.cluster.remote.exec(
    node,
    ['sh', '-c', `${setOffsetScript(0)} && ${ptraceSetScript(pid, skew.deltaMs, monotonicMs)}`],
    { timeoutMs: 20_000 },
  );
  if (set.exitCode !== 0) return judgePtraceProbe('', pid, skew.deltaMs, monotonicMs, set.stderr);
  // Probed before a strobe starts, so the process must show the offset itself, not maybe 0.
  const probe = await ctx.cluster.remote.exec(node, ptraceProbeCommand(pid), { timeoutMs: 20_000 });
  if (skew.strobe) {
    const { periodMs, durationMs } = skew.strobe;
    await ctx.cluster.remote.exec(
      node,
      ['sh', '-c', ptraceStrobeScript(pid, skew.deltaMs, monotonicMs, periodMs, durationMs)],
      { detach: true },
    );
  }
  return judgePtraceProbe(probe.stdout, pid, skew.deltaMs, monotonicMs, probe.stderr);
}

/** Stops strobes, zeroes the faketime offset and restores the process's vDSO: the clock is true again. */
async function resetNode(ctx: SystemContext, system: System | undefined, node: string): Promise<void> {
  const pid = await system?.process?.pid(ctx, node).catch(() => undefined);
  await sh(ctx, node, `${setOffsetScript(0)} && ${ptraceResetScript(pid)}`);
}

async function sh(ctx: SystemContext, node: string, script: string): Promise<void> {
  const r = await ctx.cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 20_000 });
  if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}: ${r.stderr.trim()}`);
}

/** The libfaketime probe's raw output (facts about the process, and `date` under the preload). */
async function faketimeProbe(ctx: SystemContext, node: string, pid: number | undefined): Promise<string> {
  const r = await ctx.cluster.remote.exec(
    node,
    ['sh', '-c', CLOCK_PROBE_SCRIPT, 'probe', pid === undefined ? '' : String(pid)],
    { timeoutMs: 15_000 },
  );
  return r.stdout;
}

function withErrors(value: { [key: string]: Value }, errors: Record<string, Value>): FaultResult {
  return Object.keys(errors).length === 0 ? { type: 'info', value } : { type: 'info', value, error: errors };
}

export interface ClockFaultOptions {
  /** Largest absolute offset drawn, ms (default 60 s). */
  maxOffsetMs?: number;
  targets?: readonly Target[];
  /** Skew CLOCK_MONOTONIC too (ptrace mechanism only; default false). */
  monotonic?: boolean;
}

/** The clock fault for schedules: a bump or a strobe of a random offset on random nodes. */
export function clockFault(nodes: readonly string[], options: ClockFaultOptions = {}): FaultKind {
  const max = options.maxOffsetMs ?? 60_000;
  const targets = options.targets ?? ['one', 'minority', 'majority'];
  return {
    name: 'clock',
    start(rng): FaultOp {
      const chosen = pickNodes(rng.pick(targets), nodes, rng);
      const deltaMs = (rng.next() < 0.5 ? -1 : 1) * (1000 + rng.int(Math.max(1, max - 1000)));
      const mono: { [key: string]: Value } = options.monotonic === true ? { monotonic: true } : {};
      return rng.next() < 0.5
        ? { f: 'bump-clock', value: { nodes: chosen, deltaMs, ...mono } }
        : {
            f: 'strobe-clock',
            value: { nodes: chosen, deltaMs, periodMs: 100, durationMs: 10_000, ...mono },
          };
    },
    stop: { f: 'reset-clock', value: null },
  };
}
