import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { FaultlineError } from '../core/errors.js';
import { tarPack, type TarEntry } from './tar.js';

/** Progress lines while building or pulling. */
export type ProgressFn = (line: string) => void;

/** True when an image with this tag exists on the engine. */
export async function imageExists(docker: Docker, tag: string): Promise<boolean> {
  try {
    await docker.getImage(tag).inspect();
    return true;
  } catch {
    return false;
  }
}

/** Runs `docker build` of a Dockerfile plus context files, streaming its output lines to `progress`. */
export async function buildImage(
  docker: Docker,
  tag: string,
  dockerfile: string,
  context: readonly TarEntry[],
  progress: ProgressFn,
): Promise<void> {
  const archive = tarPack([{ path: 'Dockerfile', content: dockerfile }, ...context]);
  let tail: string[] = [];
  try {
    const stream = await docker.buildImage(Readable.from([archive]), { t: tag, rm: true, forcerm: true });
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (error: Error | null, output: { error?: string }[]) => {
          const failed = error ?? output.find((o) => o.error);
          if (failed) reject(new Error(failed instanceof Error ? failed.message : String(failed.error)));
          else resolve();
        },
        (event: { stream?: string; status?: string; error?: string }) => {
          const text = event.stream ?? event.status ?? event.error ?? '';
          for (const line of text.split('\n')) {
            if (!line.trim()) continue;
            tail = [...tail.slice(-19), line];
            progress(line);
          }
        },
      );
    });
  } catch (cause) {
    throw new FaultlineError(
      'IMAGE_BUILD_FAILED',
      `Building image ${tag} failed: ${(cause as Error).message}\n${tail.join('\n')}`,
      {
        hint: 'Read the build output above; apt failures usually mean the host apt mirror is unreachable.',
        cause,
      },
    );
  }
}
