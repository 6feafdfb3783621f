import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Remote } from '../core/remote.js';

/**
 * Copies each node's files into `<dir>/<node>/<basename>` (the whole path, slashes as `_`, when two
 * basenames clash); missing or unreadable files are skipped. Returns the written paths, sorted.
 */
export async function collectNodeFiles(
  remote: Remote,
  nodes: readonly string[],
  dir: string,
  files: (node: string) => readonly string[],
): Promise<string[]> {
  const written: string[] = [];
  await Promise.all(
    nodes.map(async (node) => {
      const paths = files(node);
      for (const path of paths) {
        const content = await remote.download(node, path).catch(() => undefined);
        if (content === undefined) continue;
        const clash = paths.filter((p) => basename(p) === basename(path)).length > 1;
        const target = join(dir, node, clash ? path.replace(/^\/+/, '').replace(/\//g, '_') : basename(path));
        await mkdir(join(dir, node), { recursive: true });
        await writeFile(target, content);
        written.push(target);
      }
    }),
  );
  return written.sort();
}
