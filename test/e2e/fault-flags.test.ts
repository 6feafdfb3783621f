// Fault options given wrong are refused by the real CLI before any container exists: exit 254, a
// message naming the flag and a hint, and no Docker engine is asked (DOCKER_HOST points nowhere).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root } from './support/build-once.js';

beforeAll(() => buildOnce());

const store = mkdtempSync(join(tmpdir(), 'faultline-fault-flags-'));

function refused(args: string[], message: RegExp, hint: RegExp): void {
  const run = spawnSync(
    process.execPath,
    [join(root, 'bin/faultline.js'), 'test', ...args, '--store', store],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
    },
  );
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toMatch(hint);
  expect(run.stderr).not.toMatch(/docker/i);
  expect(run.status).toBe(254);
}

describe('fault flags refused before Docker', () => {
  it('a fault target that is not known', () => {
    refused(
      ['etcd', '--nodes', '3', '--nemesis', 'pause', '--fault-targets', 'one,leader'],
      /--fault-targets leader is not known/,
      /one, minority, majority, all, primary/,
    );
  });

  it('a packet-loss probability outside (0, 1]', () => {
    refused(
      ['etcd', '--nodes', '3', '--nemesis', 'packet', '--packet-loss', '2'],
      /--packet-loss must be a probability/,
      /--packet-loss 0.1/,
    );
    refused(
      ['etcd', '--nodes', '3', '--nemesis', 'packet', '--packet-loss', 'lots'],
      /got lots/,
      /one packet in ten/,
    );
  });

  it('a packet link that is not two nodes of the cluster', () => {
    refused(
      ['etcd', '--nodes', '3', '--nemesis', 'packet', '--packet-link', 'n1,n9'],
      /--packet-link must name two different nodes/,
      /n1, n2, n3/,
    );
  });

  it('packet and clock flags for a run without that fault', () => {
    refused(
      ['etcd', '--nodes', '3', '--nemesis', 'partition', '--packet-loss', '0.1'],
      /only applies to the packet fault/,
      /--nemesis packet/,
    );
    refused(
      ['etcd', '--nodes', '3', '--nemesis', 'kill', '--clock-monotonic'],
      /only applies to the clock fault/,
      /--nemesis clock/,
    );
  });

  it('lose-unfsynced on Redis without appendfsync always, naming the option', () => {
    refused(
      ['redis', '--nodes', '3', '--nemesis', 'lose-unfsynced'],
      /--appendfsync everysec.*--appendfsync always/,
      /configuration that fsyncs/,
    );
    refused(
      ['redis', '--nodes', '3', '--appendfsync', 'no', '--nemesis', 'lose-unfsynced'],
      /--appendfsync no/,
      /fsyncs/,
    );
  });
});
