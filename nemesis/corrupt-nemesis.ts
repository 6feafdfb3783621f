import { FaultlineError } from '../src/core/errors.js';
import type {
  FaultKind,
  FaultOp,
  FaultResult,
  Nemesis,
  NemesisPackage,
  NodePreparation,
} from '../src/core/nemesis.js';
import type { Value } from '../src/core/op.js';
import type { Storage, System, SystemContext } from '../src/core/system.js';
import {
  CORRUPT_MODES,
  corruptScript,
  listScript,
  parseList,
  planCorruption,
  type CorruptMode,
} from './corruption-plan.js';
import { needStorage } from './fs-layer.js';
import { onNodes } from './on-nodes.js';
import { nodesOf, pickNodes, type Target } from './targets.js';
import { mathRng } from './math-rng.js';

export const CORRUPT_START = 'start-corrupt';
export const CORRUPT_STOP = 'stop-corrupt';

/** How long after a restart the nemesis waits before it reads what the database said. */
export const LISTEN_MS = 5000;
/** The most of the database's log kept in the stop event, per node. */
const SAID_CHARS = 2000;

interface Damaged {
  /** Bytes of the log file before the restart: what comes after is what the database said. */
  logOffset: number;
}

async function sh(ctx: SystemContext, node: string, script: string): Promise<string> {
  const r = await ctx.cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 30_000 });
  if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The value of a start-corrupt op: nodes (or a target), the mode and the seed of the damage. */
function parseStart(
  value: Value,
  nodes: readonly string[],
): { nodes: string[]; mode: CorruptMode; seed: number } {
  const v = (value ?? {}) as { nodes?: unknown; mode?: unknown; seed?: unknown };
  const mode = (CORRUPT_MODES as readonly unknown[]).includes(v.mode) ? (v.mode as CorruptMode) : 'bitflip';
  const seed = typeof v.seed === 'number' ? v.seed : mathRng.int(2 ** 31);
  return { nodes: nodesOf(v.nodes ?? value, nodes, mathRng), mode, seed };
}

/**
 * Damages files on stopped nodes: `start-corrupt` kills the database on the chosen nodes, then cuts
 * the tail off or flips bits in one file the system declared fair game (data file or write-ahead
 * log). `stop-corrupt` restarts them and records, per node, whether the database runs after
 * LISTEN_MS and what it wrote to its log meanwhile. Teardown restarts whatever is still down.
 */
export function corruptNemesis(listenMs = LISTEN_MS): Nemesis {
  let system: System | undefined;
  let storage: Storage | undefined;
  const down = new Map<string, Damaged>();
  const need = (): { system: System; storage: Storage } => {
    if (!system || !storage) throw new FaultlineError('INTERNAL', 'corrupt nemesis used before setup.');
    return { system, storage };
  };
  const logOf = (node: string): string | undefined => need().system.logFiles(node)[0];

  async function damage(ctx: SystemContext, node: string, mode: CorruptMode, seed: number): Promise<Value> {
    const { system: s, storage: st } = need();
    const log = logOf(node);
    await s.killable!.kill(ctx, node);
    const offset = log
      ? Number((await sh(ctx, node, `stat -c %s ${quote(log)} 2>/dev/null || echo 0`)).trim())
      : 0;
    down.set(node, { logOffset: Number.isFinite(offset) ? offset : 0 });
    const plan = planCorruption(
      parseList(await sh(ctx, node, listScript(st.dataDir, st.corruptible))),
      mode,
      seed,
    );
    if (!plan) return { mode, file: null, note: 'no file matched the system\u2019s corruptible globs' };
    await sh(ctx, node, corruptScript(st.dataDir, plan));
    return { ...plan };
  }

  async function restart(ctx: SystemContext, node: string, listen: boolean): Promise<Value> {
    const { system: s } = need();
    const damaged = down.get(node);
    let startError: string | undefined;
    try {
      await s.killable!.start(ctx, node);
    } catch (error) {
      startError = error instanceof Error ? error.message : String(error);
    }
    down.delete(node);
    if (!listen) return startError === undefined ? { started: true } : { startError };
    await new Promise((resolve) => setTimeout(resolve, listenMs));
    const pid = s.process ? await s.process.pid(ctx, node).catch(() => undefined) : undefined;
    const log = logOf(node);
    const said = log
      ? await sh(
          ctx,
          node,
          `tail -c +${(damaged?.logOffset ?? 0) + 1} ${quote(log)} 2>/dev/null | tail -n 40`,
        ).catch((e: unknown) => `(cannot read ${log}: ${(e as Error).message})`)
      : '';
    return {
      ...(s.process ? { running: pid !== undefined } : {}),
      ...(startError !== undefined ? { startError } : {}),
      said: said.length > SAID_CHARS ? `\u2026${said.slice(-SAID_CHARS)}` : said,
    };
  }

  return {
    name: 'corrupt',
    fs: [CORRUPT_START, CORRUPT_STOP],
    setup(_ctx, sys: System) {
      try {
        storage = needStorage(sys, 'corrupt');
        system = sys;
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      const results: Record<string, Value> = {};
      if (op.f === CORRUPT_STOP) {
        const nodes = [...down.keys()].sort();
        const errors = await onNodes(nodes, async (node) => {
          results[node] = await restart(ctx, node, true);
        });
        return withErrors({ restarted: nodes, after: results }, errors);
      }
      const { nodes, mode, seed } = parseStart(op.value, ctx.cluster.nodes);
      const errors = await onNodes(nodes, async (node) => {
        results[node] = await damage(ctx, node, mode, seed + nodes.indexOf(node));
      });
      return withErrors({ nodes, mode, seed, damaged: results }, errors);
    },
    async teardown(ctx) {
      if (!system || down.size === 0) return;
      const errors = await onNodes([...down.keys()], async (node) => {
        await restart(ctx, node, false);
      });
      if (Object.keys(errors).length > 0) {
        throw new FaultlineError(
          'NODE_EXEC_FAILED',
          `Restart after corrupt failed: ${JSON.stringify(errors)}`,
        );
      }
    },
  };
}

function withErrors(value: { [key: string]: Value }, errors: Record<string, Value>): FaultResult {
  return Object.keys(errors).length === 0 ? { type: 'info', value } : { type: 'info', value, error: errors };
}

/** The corrupt fault for schedules: nodes for one of `targets`, a mode and a seed, all from the seeded rng. */
export function corruptFault(
  nodes: readonly string[],
  targets: readonly Target[] = ['one', 'minority'],
  modes: readonly CorruptMode[] = CORRUPT_MODES,
): FaultKind {
  return {
    name: 'corrupt',
    start: (rng) => ({
      f: CORRUPT_START,
      value: {
        nodes: pickNodes(rng.pick(targets), nodes, rng),
        mode: rng.pick(modes),
        seed: rng.int(2 ** 31),
      },
    }),
    stop: { f: CORRUPT_STOP, value: null },
  };
}

/** Fails before any container starts when the system declares no files to corrupt. */
const corruptCheck: NodePreparation = {
  check(system) {
    const storage = needStorage(system, 'corrupt');
    if (storage.corruptible.length === 0) {
      throw new FaultlineError(
        'BAD_ARGUMENT',
        `--nemesis corrupt: ${system.name} declares no files to corrupt.`,
        {
          hint: 'Choose other faults with --nemesis.',
        },
      );
    }
  },
  setup: () => Promise.resolve(),
  teardown: () => Promise.resolve(),
};

/** The whole package: nemesis and fault; it needs no privilege beyond killing and restarting. */
export function corruptPackage(nodes: readonly string[], targets?: readonly Target[]): NemesisPackage {
  return { nemesis: corruptNemesis(), faults: [corruptFault(nodes, targets)], prepare: [corruptCheck] };
}
