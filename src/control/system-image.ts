import { createHash } from 'node:crypto';
import type Docker from 'dockerode';
import { FaultlineError } from '../core/errors.js';
import type { ImageRecipe } from '../core/system.js';
import { buildImage, imageExists, type ProgressFn } from './build-image.js';
import { withBuildLock } from './build-lock.js';
import { LABEL } from './labels.js';

/** Packages every node has, whatever the system: the nemeses and health checks need them. */
export const NODE_TOOLS: readonly string[] = [
  'iptables',
  'iproute2',
  'procps',
  'psmisc',
  'libfaketime',
  'faketime',
  'curl',
  'ca-certificates',
  'netcat-openbsd',
];

/** The Dockerfile of a recipe on a base image; its text (plus files) is what the tag hashes. */
export function systemDockerfile(recipe: ImageRecipe, base: string): string {
  const packages = [...new Set([...NODE_TOOLS, ...recipe.aptPackages])].sort();
  const files = Object.keys(recipe.files ?? {}).sort();
  return [
    `FROM ${base}`,
    'ENV DEBIAN_FRONTEND=noninteractive',
    `RUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')} && rm -rf /var/lib/apt/lists/*`,
    ...files.map((path, i) => `COPY files/${i} ${path}`),
    ...(recipe.run ?? []).map((step) => `RUN ${step}`),
    `LABEL ${LABEL}=1 ${LABEL}.recipe=${recipe.name}`,
    '',
  ].join('\n');
}

/** `faultline/<name>:<hash>` where the hash covers the Dockerfile (so the base and packages) and the files. */
export function systemImageTag(recipe: ImageRecipe, base: string): string {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(recipe.name)) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `Image recipe name "${recipe.name}" must be lowercase letters, digits, . _ -.`,
    );
  }
  const hash = createHash('sha256').update(systemDockerfile(recipe, base));
  for (const path of Object.keys(recipe.files ?? {}).sort())
    hash.update(`\0${path}\0${recipe.files?.[path] ?? ''}`);
  return `faultline/${recipe.name}:${hash.digest('hex').slice(0, 12)}`;
}

/** Builds the recipe's image on `base` unless its content-addressed tag already exists; returns the tag. */
export async function ensureSystemImage(
  docker: Docker,
  recipe: ImageRecipe,
  base: string,
  onProgress: ProgressFn = () => {},
): Promise<string> {
  const tag = systemImageTag(recipe, base);
  if (await imageExists(docker, tag)) return tag;
  // Another faultline process may be building the same tag: wait for it, then reuse its image.
  return withBuildLock(tag, async () => {
    if (await imageExists(docker, tag)) return tag;
    const files = Object.keys(recipe.files ?? {}).sort();
    const context = files.map((path, i) => ({ path: `files/${i}`, content: recipe.files?.[path] ?? '' }));
    onProgress(`building ${tag}`);
    await buildImage(docker, tag, systemDockerfile(recipe, base), context, onProgress);
    return tag;
  });
}
