import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import { FaultlineError } from '../core/errors.js';
import type { ImageRecipe } from '../core/system.js';
import { ensureBaseImage } from './base-image.js';
import type { ProgressFn } from './build-image.js';
import { dockerEngine } from './docker-engine.js';
import { runLabels } from './labels.js';
import { ensureSystemImage } from './system-image.js';
import { tarUnpack } from './tar.js';

/** Where the clock tool lives inside a node. */
export const CLOCK_TOOL_PATH = '/usr/local/bin/faultline-clock';

const SOURCE = 'src/control/clock-tool/faultline-clock.c';
const BUILT = '/opt/faultline/faultline-clock';

/** The C source of the ptrace clock tool, read from the faultline package. */
export function clockToolSource(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, SOURCE))) {
      return readFileSync(join(dir, SOURCE), 'utf8');
    }
    dir = dirname(dir);
  }
  throw new FaultlineError('INTERNAL', `Cannot find ${SOURCE} in the faultline package.`, {
    hint: 'Reinstall faultline: its package must ship the clock tool source.',
  });
}

/** An image that compiles the tool with Debian's gcc into one static binary (content-addressed by the source). */
export function clockToolRecipe(): ImageRecipe {
  return {
    name: 'clock-tool',
    aptPackages: ['gcc', 'libc6-dev'],
    files: { '/opt/faultline/faultline-clock.c': clockToolSource() },
    run: [`gcc -O2 -Wall -static -o ${BUILT} /opt/faultline/faultline-clock.c`],
  };
}

let cached: Promise<Uint8Array> | undefined;

/**
 * The clock tool's static x86_64 binary: builds its image on the base image the first time (then
 * reuses it by tag) and copies the binary out of a created, never started, labelled container.
 */
export function ensureClockTool(
  options: { docker?: Docker; onProgress?: ProgressFn } = {},
): Promise<Uint8Array> {
  cached ??= buildClockTool(options).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function buildClockTool(options: { docker?: Docker; onProgress?: ProgressFn }): Promise<Uint8Array> {
  const docker = options.docker ?? (await dockerEngine());
  const progress = options.onProgress ?? (() => {});
  const base = await ensureBaseImage({ docker, onProgress: progress });
  const image = await ensureSystemImage(docker, clockToolRecipe(), base, progress);
  const container = await docker.createContainer({
    Image: image,
    Cmd: ['true'],
    Labels: runLabels('clock-tool'),
  });
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await container.getArchive({ path: BUILT }))
      chunks.push(Buffer.from(chunk as Uint8Array));
    const binary = tarUnpack(Buffer.concat(chunks)).values().next().value;
    if (!binary || binary.length === 0) throw new Error(`${BUILT} is missing from ${image}`);
    return binary;
  } catch (cause) {
    throw new FaultlineError('IMAGE_BUILD_FAILED', `Cannot copy the clock tool out of ${image}.`, {
      hint: 'Remove the image (`docker rmi ' + image + '`) so it is built again.',
      cause,
    });
  } finally {
    await container.remove({ force: true }).catch(() => {});
  }
}
