import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

/** The placeholder a user's own Dockerfile starts FROM; replaced by faultline's base image tag. */
export const BASE_PLACEHOLDER = 'faultline-base';

const UNPACKED = /\.(tar|tar\.gz|tgz)$/;

/** `COPY` (or `ADD`, which unpacks a tarball into a directory ending with /) of the recipe's host files. */
function hostFileSteps(recipe: ImageRecipe): string[] {
  return Object.keys(recipe.hostFiles ?? {})
    .sort()
    .map((path, i) => {
      const host = recipe.hostFiles?.[path] ?? '';
      return `${path.endsWith('/') && UNPACKED.test(host) ? 'ADD' : 'COPY'} host/${i} ${path}`;
    });
}

/** A user's Dockerfile with its `FROM faultline-base` pointed at the real base image. */
function userDockerfile(recipe: ImageRecipe & { dockerfile: string }, base: string): string {
  const first = /^\s*FROM\s+(\S+)/im.exec(recipe.dockerfile);
  if (first?.[1] !== BASE_PLACEHOLDER) {
    throw new FaultlineError(
      'BAD_PLUGIN',
      `The Dockerfile of image ${recipe.name} must start FROM ${BASE_PLACEHOLDER}, not ${first?.[1] ?? 'nothing'}.`,
      {
        hint: `Write \`FROM ${BASE_PLACEHOLDER}\`: faultline puts its base image there, with the nemesis tools.`,
      },
    );
  }
  return [
    recipe.dockerfile.replace(/^(\s*FROM\s+)faultline-base/im, `$1${base}`).trimEnd(),
    ...hostFileSteps(recipe),
    `LABEL ${LABEL}=1 ${LABEL}.recipe=${recipe.name}`,
    '',
  ].join('\n');
}

/** The Dockerfile of a recipe on a base image; its text (plus files) is what the tag hashes. */
export function systemDockerfile(recipe: ImageRecipe, base: string): string {
  if (recipe.dockerfile !== undefined)
    return userDockerfile({ ...recipe, dockerfile: recipe.dockerfile }, base);
  const packages = [...new Set([...NODE_TOOLS, ...recipe.aptPackages])].sort();
  const files = Object.keys(recipe.files ?? {}).sort();
  return [
    `FROM ${base}`,
    'ENV DEBIAN_FRONTEND=noninteractive',
    `RUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')} && rm -rf /var/lib/apt/lists/*`,
    ...files.map((path, i) => `COPY files/${i} ${path}`),
    ...hostFileSteps(recipe),
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
  for (const entry of hostContext(recipe)) hash.update(entry.content);
  return `faultline/${recipe.name}:${hash.digest('hex').slice(0, 12)}`;
}

/** The host files of a recipe as build-context entries `host/<i>`; a missing file is BAD_PLUGIN. */
function hostContext(recipe: ImageRecipe): { path: string; content: Uint8Array }[] {
  return Object.keys(recipe.hostFiles ?? {})
    .sort()
    .map((path, i) => {
      const host = recipe.hostFiles?.[path] ?? '';
      if (!existsSync(host)) {
        throw new FaultlineError(
          'BAD_PLUGIN',
          `Image ${recipe.name}: host file ${host} (for ${path}) does not exist.`,
          {
            hint: 'Build it first, or fix the path in image.hostFiles (relative paths start at the working directory).',
          },
        );
      }
      return { path: `host/${i}`, content: readFileSync(host) };
    });
}

/** Builds the recipe's image on `base` unless its content-addressed tag already exists; returns the tag. */
export async function ensureSystemImage(
  docker: Docker,
  recipe: ImageRecipe,
  base: string,
  onProgress: ProgressFn = () => {},
): Promise<string> {
  if (recipe.tag !== undefined) {
    if (await imageExists(docker, recipe.tag)) return recipe.tag;
    throw new FaultlineError(
      'IMAGE_BUILD_FAILED',
      `Image ${recipe.tag} (image.tag of ${recipe.name}) does not exist here.`,
      {
        hint: `Build it first (\`docker build -t ${recipe.tag} .\`, FROM faultline's base image so the nemesis tools are present).`,
      },
    );
  }
  const tag = systemImageTag(recipe, base);
  if (await imageExists(docker, tag)) return tag;
  // Another faultline process may be building the same tag: wait for it, then reuse its image.
  return withBuildLock(tag, async () => {
    if (await imageExists(docker, tag)) return tag;
    const files = Object.keys(recipe.files ?? {}).sort();
    const context = [
      ...files.map((path, i) => ({ path: `files/${i}`, content: recipe.files?.[path] ?? '' })),
      ...hostContext(recipe),
    ];
    onProgress(`building ${tag}`);
    await buildImage(docker, tag, systemDockerfile(recipe, base), context, onProgress);
    return tag;
  });
}
