import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { execa } from 'execa';
import { FaultlineError } from '../core/errors.js';
import { hostAptSources, type AptSources } from './apt-sources.js';
import { buildImage, imageExists, type ProgressFn } from './build-image.js';
import { withBuildLock } from './build-lock.js';
import { LABEL } from './labels.js';

export interface BaseImageOptions {
  docker: Docker;
  onProgress?: ProgressFn;
  /** How long to try pulling `debian:<codename>-slim` before building from packages (ms). */
  pullTimeoutMs?: number;
  /** Host apt configuration; read from /etc/apt when absent. */
  sources?: AptSources;
}

/** Bumped when the way base images are made changes, so old tags are not reused. */
const BASE_RECIPE_VERSION = 1;

/**
 * The base image `faultline/base:<codename>-<hash>`, made once per host apt configuration: from
 * `debian:<codename>-slim` when it can be pulled, else from packages (debootstrap minbase + docker
 * import). It carries the host's apt sources and a policy-rc.d that keeps packages from starting services.
 */
export async function ensureBaseImage(options: BaseImageOptions): Promise<string> {
  const { docker } = options;
  const progress = options.onProgress ?? (() => {});
  const sources = options.sources ?? hostAptSources();
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        v: BASE_RECIPE_VERSION,
        codename: sources.codename,
        mirror: sources.mirror,
        files: sources.files,
      }),
    )
    .digest('hex')
    .slice(0, 12);
  const tag = `faultline/base:${sources.codename}-${key}`;
  if (await imageExists(docker, tag)) return tag;
  // Another faultline process may be building it: wait for it, then reuse its image.
  return withBuildLock(tag, async () => {
    if (await imageExists(docker, tag)) return tag;
    await buildBase(docker, tag, key, sources, options.pullTimeoutMs ?? 15_000, progress);
    return tag;
  });
}

async function buildBase(
  docker: Docker,
  tag: string,
  key: string,
  sources: AptSources,
  pullTimeoutMs: number,
  progress: ProgressFn,
): Promise<void> {
  const root = (await pullSlim(docker, sources.codename, pullTimeoutMs, progress))
    ? `debian:${sources.codename}-slim`
    : await debootstrapRoot(docker, sources, key, progress);

  const context = Object.entries(sources.files).map(([name, content]) => ({ path: `apt/${name}`, content }));
  const dockerfile = [
    `FROM ${root}`,
    'RUN rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*',
    'COPY apt/ /etc/apt/sources.list.d/',
    'RUN if [ -f /etc/apt/sources.list.d/host.list ]; then mv /etc/apt/sources.list.d/host.list /etc/apt/sources.list; fi',
    "RUN printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d",
    `LABEL ${LABEL}=1`,
    'CMD ["sleep", "infinity"]',
    '',
  ].join('\n');
  progress(`building ${tag} from ${root}`);
  await buildImage(docker, tag, dockerfile, context, progress);
}

/** Tries `docker pull debian:<codename>-slim`; false (fast when no registry is reachable) on any failure. */
async function pullSlim(
  docker: Docker,
  codename: string,
  timeoutMs: number,
  progress: ProgressFn,
): Promise<boolean> {
  const ref = `debian:${codename}-slim`;
  if (await imageExists(docker, ref)) return true;
  progress(`pulling ${ref}`);
  const attempt = (async () => {
    const stream = await docker.pull(ref);
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())),
    );
    return true;
  })();
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  try {
    const ok = await Promise.race([attempt, timeout]);
    if (!ok) progress(`pull of ${ref} timed out after ${timeoutMs} ms; building from Debian packages`);
    return ok;
  } catch (error) {
    progress(
      `cannot pull ${ref} (${(error as Error).message.split('\n')[0]}); building from Debian packages`,
    );
    return false;
  }
}

/** debootstrap --variant=minbase into a temp dir, then `docker import` it as faultline/rootfs:<key>. */
async function debootstrapRoot(
  docker: Docker,
  sources: AptSources,
  key: string,
  progress: ProgressFn,
): Promise<string> {
  const tag = `faultline/rootfs:${sources.codename}-${key}`;
  if (await imageExists(docker, tag)) return tag;
  if (process.getuid?.() !== 0) {
    throw new FaultlineError(
      'IMAGE_BUILD_FAILED',
      'Building the base image from Debian packages needs root (debootstrap).',
      {
        hint: 'Run once as root (e.g. `sudo scripts/ensure-docker && sudo faultline test ...`), or make debian:bookworm-slim pullable.',
      },
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'faultline-rootfs-'));
  try {
    progress(`debootstrap --variant=minbase ${sources.codename} from ${sources.mirror}`);
    const run = execa(
      'debootstrap',
      ['--variant=minbase', sources.codename, join(dir, 'root'), sources.mirror],
      {
        all: true,
        buffer: { all: true },
        lines: false,
      },
    );
    run.all?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) progress(line);
    });
    await run.catch((cause: unknown) => {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new FaultlineError(
        'IMAGE_BUILD_FAILED',
        `debootstrap failed: ${(cause as Error).message.slice(-2000)}`,
        {
          hint:
            code === 'ENOENT'
              ? 'Install debootstrap (`apt-get install debootstrap`, or run scripts/ensure-docker).'
              : 'Check that the apt mirror in /etc/apt/sources.list.d is reachable.',
          cause,
        },
      );
    });
    await execa('rm', ['-rf', join(dir, 'root/var/cache/apt/archives'), join(dir, 'root/var/lib/apt/lists')]);
    progress(`docker import ${tag}`);
    const tar = execa('tar', ['-C', join(dir, 'root'), '--numeric-owner', '-c', '.'], { buffer: false });
    const stream = await docker.importImage(tar.stdout, {
      repo: 'faultline/rootfs',
      tag: `${sources.codename}-${key}`,
      changes: `LABEL ${LABEL}=1`,
    });
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())),
    );
    await tar;
    return tag;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
