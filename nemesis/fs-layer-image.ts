import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FaultlineError } from '../src/core/errors.js';
import type { ImageRecipe } from '../src/core/system.js';

/** Where the file-system layer's programs live on a node. */
export const FS_BIN = '/usr/local/bin/faultline-fs';
export const FS_OPS_BIN = '/usr/local/bin/faultline-fs-ops';
const SRC = '/usr/local/src/faultline-fs';

/** The folder of the C sources (nemesis/fs in the package, also when running from dist/). */
function sourceDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'nemesis', 'fs');
    if (existsSync(join(candidate, 'faultline-fs.c'))) return candidate;
    if (existsSync(join(dir, 'fs', 'faultline-fs.c'))) return join(dir, 'fs');
    dir = dirname(dir);
  }
  throw new FaultlineError('INTERNAL', 'The C sources of faultline-fs (nemesis/fs/*.c) are missing.', {
    hint: 'Reinstall faultline: its package ships nemesis/fs.',
  });
}

/** The C sources by file name. */
function sources(): Record<string, string> {
  const dir = sourceDir();
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (/\.[ch]$/.test(name)) out[name] = readFileSync(join(dir, name), 'utf8');
  }
  return out;
}

/**
 * The image layer of lose-unfsynced, built on the system's image only for runs that ask for it:
 * Debian's FUSE 3 and a C compiler, and faultline-fs compiled inside the image.
 */
export function fsLayerImage(): ImageRecipe {
  const files = sources();
  const cflags = '-O2 -Wall -Wextra -Werror';
  const fsSources = Object.keys(files)
    .filter((n) => n.endsWith('.c') && n !== 'fs-ops.c')
    .map((n) => `${SRC}/${n}`)
    .join(' ');
  return {
    name: 'fs',
    aptPackages: ['fuse3', 'libfuse3-dev', 'gcc', 'libc6-dev', 'pkg-config'],
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [`${SRC}/${name}`, text])),
    run: [
      `gcc ${cflags} -o ${FS_BIN} ${fsSources} $(pkg-config --cflags --libs fuse3)`,
      `gcc ${cflags} -o ${FS_OPS_BIN} ${SRC}/fs-ops.c`,
    ],
  };
}
