import { FAKETIME_FILE } from '../src/control/faketime.js';
import type { FaultKind, FaultOp, FaultResult, Nemesis } from '../src/core/nemesis.js';
import type { Value } from '../src/core/op.js';
import type { System, SystemContext } from '../src/core/system.js';
import { CLOCK_PROBE_SCRIPT, judgeClockProbe, type ClockVisibility } from './clock-probe.js';
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

/**
 * Skews the database's clock through libfaketime (systems start it with faketimeEnv()):
 * `bump-clock` `{ nodes, deltaMs }`, `strobe-clock` `{ nodes, deltaMs, periodMs, durationMs }`,
 * `reset-clock` (all nodes). Each start result says per node whether the process can see the skew.
 */
export function clockNemesis(): Nemesis {
  let system: System | undefined;
  return {
    name: 'clock',
    fs: ['bump-clock', 'strobe-clock', 'reset-clock'],
    async setup(ctx, sys) {
      system = sys;
      await onNodes(ctx.cluster.nodes, (node) => sh(ctx, node, setOffsetScript(0)));
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      if (op.f === 'reset-clock') {
        const errors = await onNodes(ctx.cluster.nodes, (node) => sh(ctx, node, setOffsetScript(0)));
        return withErrors({ reset: [...ctx.cluster.nodes] }, errors);
      }
      const v = (op.value ?? {}) as Partial<{
        nodes: Value;
        deltaMs: number;
        periodMs: number;
        durationMs: number;
      }>;
      const nodes = nodesOf(v.nodes ?? 'one', ctx.cluster.nodes, mathRng);
      const deltaMs = typeof v.deltaMs === 'number' ? v.deltaMs : 60_000;
      const strobe = op.f === 'strobe-clock';
      const periodMs = v.periodMs ?? 100;
      const durationMs = v.durationMs ?? 10_000;
      const visibility: Record<string, ClockVisibility> = {};
      const errors = await onNodes(nodes, async (node) => {
        if (strobe) {
          await ctx.cluster.remote.exec(node, ['sh', '-c', strobeScript(deltaMs, periodMs, durationMs)], {
            detach: true,
          });
          await new Promise((r) => setTimeout(r, 50));
        } else {
          await sh(ctx, node, setOffsetScript(deltaMs));
        }
        // A strobe may be in either phase when probed.
        visibility[node] = await probe(ctx, system, node, strobe ? [deltaMs, 0] : [deltaMs]);
      });
      const value: { [key: string]: Value } = strobe
        ? { nodes, deltaMs, periodMs, durationMs }
        : { nodes, deltaMs };
      value.visibility = visibility;
      return withErrors(value, errors);
    },
    async teardown(ctx) {
      await onNodes(ctx.cluster.nodes, (node) => sh(ctx, node, setOffsetScript(0)));
    },
  };
}

async function sh(ctx: SystemContext, node: string, script: string): Promise<void> {
  const r = await ctx.cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 10_000 });
  if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}: ${r.stderr.trim()}`);
}

async function probe(
  ctx: SystemContext,
  system: System | undefined,
  node: string,
  deltaMs: readonly number[],
): Promise<ClockVisibility> {
  const pid = await system?.process?.pid(ctx, node);
  const r = await ctx.cluster.remote.exec(
    node,
    ['sh', '-c', CLOCK_PROBE_SCRIPT, 'probe', pid === undefined ? '' : String(pid)],
    {
      timeoutMs: 15_000,
    },
  );
  return judgeClockProbe(r.stdout, pid, deltaMs);
}

function withErrors(value: { [key: string]: Value }, errors: Record<string, Value>): FaultResult {
  return Object.keys(errors).length === 0 ? { type: 'info', value } : { type: 'info', value, error: errors };
}

export interface ClockFaultOptions {
  /** Largest absolute offset drawn, ms (default 60 s). */
  maxOffsetMs?: number;
  targets?: readonly Target[];
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
      return rng.next() < 0.5
        ? { f: 'bump-clock', value: { nodes: chosen, deltaMs } }
        : { f: 'strobe-clock', value: { nodes: chosen, deltaMs, periodMs: 100, durationMs: 10_000 } };
    },
    stop: { f: 'reset-clock', value: null },
  };
}
