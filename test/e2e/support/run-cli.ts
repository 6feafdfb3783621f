import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './build-once.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`node bin/faultline.js ...args`) from the repository root. */
export function faultline(...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [join(root, 'bin/faultline.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
