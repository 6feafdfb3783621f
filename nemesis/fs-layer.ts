import { dirname } from 'node:path';
import { FaultlineError } from '../src/core/errors.js';
import type { NodePreparation } from '../src/core/nemesis.js';
import type { Storage, System, SystemContext } from '../src/core/system.js';
import { FS_BIN } from './fs-layer-image.js';
import { onNodes } from './on-nodes.js';

/** The layer's own state on a node: the live tree and the graveyard (outside the mount). */
export const FS_STATE = '/var/lib/faultline-fs';
export const FS_LOG = '/var/log/faultline/faultline-fs.log';
export const CTL_NAME = '.faultline-ctl';

/** Where the layer is mounted for a system: the parent of its data directory. */
export function mountRoot(storage: Storage): string {
  return dirname(storage.dataDir);
}

/** What one lose dropped, as the layer reports it. */
export interface LoseReport {
  files: number;
  pages: number;
  appended_bytes: number;
  name_ops: number;
  errors: number;
}

const mounted = (root: string): string => `grep -q ' ${root} fuse.faultline ' /proc/mounts`;

/** Shell: mounts faultline-fs on `root` (nothing when mounted) and waits until the mount is there. */
export function mountScript(root: string): string {
  return [
    `mkdir -p ${root} ${dirname(FS_LOG)}`,
    `if ${mounted(root)}; then exit 0; fi`,
    `setsid ${FS_BIN} ${FS_STATE} ${root} >> ${FS_LOG} 2>&1 < /dev/null &`,
    `i=0; until ${mounted(root)}; do i=$((i+1)); if [ $i -gt 200 ]; then tail -n 5 ${FS_LOG}; exit 1; fi; sleep 0.05; done`,
  ].join('\n');
}

/** Shell: unmounts the layer (lazily when something still holds it open); nothing when not mounted. */
export function unmountScript(root: string): string {
  return `if ${mounted(root)}; then fusermount3 -u ${root} 2>/dev/null || umount -l ${root}; fi`;
}

/** Shell: the crash itself, then the layer's report (its database must be dead already). */
export function loseScript(root: string): string {
  return `printf lose > ${root}/${CTL_NAME} && cat ${root}/${CTL_NAME}`;
}

/**
 * Shell: fsyncs every file and directory under `root` through the layer, so that what the system's
 * setup wrote (configuration, ids, the initial data) is durable before the test starts, as on a
 * cluster that has run for a while (the kernel writes dirty pages back within about 30 s).
 */
export function settleScript(root: string): string {
  // A file the running database removes between find and sync is fine; any other error is not.
  const syncAll = `find ${root} -xdev \\( -type f -o -type d \\) ! -name ${CTL_NAME} -print0 | xargs -0 -r sync --`;
  return `err=$(${syncAll} 2>&1 >/dev/null) || { echo "$err" | grep -v 'No such file or directory' >&2 && exit 1; }; exit 0`;
}

/** Parses the `last_lose k=v ...` line of the control file. */
export function parseLoseReport(text: string): LoseReport | undefined {
  const line = text.split('\n').find((l) => l.startsWith('last_lose '));
  if (!line || line.trim() === 'last_lose none') return undefined;
  const fields = Object.fromEntries(
    line
      .slice('last_lose '.length)
      .trim()
      .split(/\s+/)
      .map((kv) => kv.split('='))
      .map(([k, v]) => [k ?? '', Number(v)]),
  ) as Record<string, number>;
  const keys = ['files', 'pages', 'appended_bytes', 'name_ops', 'errors'] as const;
  if (!keys.every((k) => Number.isFinite(fields[k]))) return undefined;
  return Object.fromEntries(keys.map((k) => [k, fields[k]])) as unknown as LoseReport;
}

/** The system's storage, or a clear error saying that this fault needs it. */
export function needStorage(system: System, fault: string): Storage {
  if (!system.storage) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--nemesis ${fault}: system ${system.name} does not declare where it keeps its data.`,
      {
        hint: 'Choose other faults with --nemesis; `faultline systems` lists the faults each system supports.',
      },
    );
  }
  if (!system.killable) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--nemesis ${fault}: system ${system.name} cannot be killed and restarted.`,
      {
        hint: 'Choose other faults with --nemesis; `faultline systems` lists the faults each system supports.',
      },
    );
  }
  return system.storage;
}

async function run(ctx: SystemContext, node: string, what: string, script: string): Promise<string> {
  const r = await ctx.cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 30_000 });
  if (r.exitCode !== 0) {
    throw new FaultlineError(
      'NODE_EXEC_FAILED',
      `faultline-fs: ${what} on ${node} failed: ${(r.stderr || r.stdout).trim()}`,
      {
        hint: `See ${FS_LOG} on the node; the layer needs /dev/fuse and CAP_SYS_ADMIN (granted only for this fault).`,
      },
    );
  }
  return r.stdout;
}

/** Drops the unsynced data under the system's data directory on `node` (the database must be dead). */
export async function loseUnsynced(ctx: SystemContext, storage: Storage, node: string): Promise<LoseReport> {
  const out = await run(ctx, node, 'lose', loseScript(mountRoot(storage)));
  const report = parseLoseReport(out);
  if (!report)
    throw new FaultlineError('NODE_EXEC_FAILED', `faultline-fs on ${node} gave no report: ${out.trim()}`);
  return report;
}

/** Mounts the layer under the system's data directory on every node before the system starts, unmounts after it stopped. */
export function fsLayer(fault: string): NodePreparation {
  let root: string | undefined;
  return {
    check(system, options) {
      const storage = needStorage(system, fault);
      const reason = storage.notDurable?.(options);
      if (reason !== undefined) {
        throw new FaultlineError('BAD_ARGUMENT', `--nemesis ${fault}: ${system.name} ${reason}`, {
          hint: 'Losing unsynced writes would only show that; choose a configuration that fsyncs, or other faults.',
        });
      }
    },
    async setup(ctx, system) {
      root = mountRoot(needStorage(system, fault));
      const at = root;
      await Promise.all(ctx.cluster.nodes.map((node) => run(ctx, node, 'mount', mountScript(at))));
      ctx.log(`faultline-fs mounted on ${at} on ${ctx.cluster.nodes.join(', ')}`);
    },
    async settle(ctx) {
      if (root === undefined) return;
      const at = root;
      await Promise.all(ctx.cluster.nodes.map((node) => run(ctx, node, 'settle', settleScript(at))));
      ctx.log(`faultline-fs: what the setup wrote under ${at} is durable; the test starts from there`);
    },
    async teardown(ctx) {
      if (root === undefined) return;
      const at = root;
      const errors = await onNodes(ctx.cluster.nodes, async (node) => {
        await run(ctx, node, 'unmount', unmountScript(at));
      });
      if (Object.keys(errors).length > 0) {
        throw new FaultlineError(
          'NODE_EXEC_FAILED',
          `faultline-fs: unmount failed: ${JSON.stringify(errors)}`,
        );
      }
    },
  };
}
