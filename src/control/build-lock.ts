import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const held = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` while holding a lock named `name`, shared by every faultline process on this host (a
 * directory under the temp dir; a holder that died is detected by its pid), so concurrent runs
 * build an image once and the others then find it cached.
 */
export async function withBuildLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const previous = held.get(name) ?? Promise.resolve();
  const mine = previous.catch(() => {}).then(() => lockAndRun(name, fn));
  held.set(name, mine);
  try {
    return await mine;
  } finally {
    if (held.get(name) === mine) held.delete(name);
  }
}

async function lockAndRun<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = join(tmpdir(), `faultline-lock-${name.replace(/[^a-zA-Z0-9_.-]/g, '_')}`);
  for (;;) {
    try {
      await mkdir(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(join(dir, 'pid'), 'utf8').catch(() => ''));
      if (pid > 0 && !alive(pid)) await rm(dir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    await writeFile(join(dir, 'pid'), String(process.pid));
    return await fn();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
