import type Docker from 'dockerode';
import type { ImageRecipe } from '../core/system.js';
import { ensureBaseImage } from './base-image.js';
import type { ProgressFn } from './build-image.js';
import { dockerEngine } from './docker-engine.js';
import { ensureSystemImage } from './system-image.js';

export interface ImagesResult {
  base: string;
  /** The system image tag to create a cluster from. */
  image: string;
  /** Milliseconds spent, including cache checks. */
  ms: number;
}

/**
 * Base image, then the system image on it, then (when given) a fault's layer on that, tagged
 * `faultline/<system>-<layer>`; each reused when its content-addressed tag exists.
 */
export async function ensureImages(
  recipe: ImageRecipe,
  options: { onProgress?: ProgressFn; docker?: Docker; layer?: ImageRecipe } = {},
): Promise<ImagesResult> {
  const started = performance.now();
  const docker = options.docker ?? (await dockerEngine());
  const base = await ensureBaseImage({
    docker,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const system = await ensureSystemImage(docker, recipe, base, options.onProgress);
  const { layer } = options;
  const image = layer
    ? await ensureSystemImage(
        docker,
        { ...layer, name: `${recipe.name}-${layer.name}` },
        system,
        options.onProgress,
      )
    : system;
  return { base, image, ms: Math.round(performance.now() - started) };
}
