import { readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBaseImage } from '../../../src/control/base-image.js';
import { CLOCK_TOOL_PATH, clockToolRecipe, ensureClockTool } from '../../../src/control/clock-tool.js';
import { dockerEngine } from '../../../src/control/docker-engine.js';
import { DockerRemote } from '../../../src/control/docker-remote.js';
import { runLabels } from '../../../src/control/labels.js';
import { ensureSystemImage } from '../../../src/control/system-image.js';
import { testRunId } from '../systems/etcd/etcd-cluster.js';

const T = 300_000;
const FIXTURE = readFileSync(new URL('./fixtures/late-thread.c', import.meta.url), 'utf8');

/** Parses `late rt_ms=.. mono_ms=.. gtod_ms=.. time_s=..` into numbers. */
function clocks(line: string): Record<string, number> {
  return Object.fromEntries([...line.matchAll(/(\w+)=(-?\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
}

describe('faultline-clock, the ptrace clock tool, on a libc program in a container (no network)', () => {
  let docker: Docker;
  const names: string[] = [];
  let remote: DockerRemote;
  const run = async (
    node: string,
    script: string,
  ): Promise<{ exitCode: number; stdout: string; stderr: string }> =>
    remote.exec(node, ['sh', '-c', script], { timeoutMs: 30_000 });

  beforeAll(async () => {
    docker = await dockerEngine();
    const base = await ensureBaseImage({ docker });
    // The tool's own image has gcc: it compiles the fixture there.
    const image = await ensureSystemImage(docker, clockToolRecipe(), base);
    const id = testRunId('clock-tool');
    remote = new DockerRemote(docker, (node) => `faultline-${id}-${node}`);
    for (const [node, capAdd] of [
      ['ptrace', ['SYS_PTRACE']],
      ['plain', []],
    ] as const) {
      const name = `faultline-${id}-${node}`;
      const c = await docker.createContainer({
        name,
        Image: image,
        Cmd: ['sleep', 'infinity'],
        Labels: runLabels(id),
        HostConfig: { Init: true, NetworkMode: 'none', CapAdd: [...capAdd] },
      });
      names.push(name);
      await c.start();
      await remote.upload(node, CLOCK_TOOL_PATH, await ensureClockTool(), 0o755);
      await remote.upload(node, '/tmp/late-thread.c', FIXTURE);
      const cc = await run(
        node,
        'gcc -O2 -pthread -o /tmp/late-thread /tmp/late-thread.c && useradd -m other',
      );
      expect(cc.stderr).toBe('');
    }
  }, T);
  afterAll(async () => {
    await Promise.all(
      names.map((n) =>
        docker
          .getContainer(n)
          .remove({ force: true })
          .catch(() => {}),
      ),
    );
  });

  /** Starts the fixture (as `user`), returns its pid. */
  const start = async (node: string, user = 'root'): Promise<number> =>
    Number(
      (
        await run(
          node,
          `su ${user} -s /bin/sh -c 'setsid /tmp/late-thread > /tmp/out-${user} 2>&1 & echo $!'`,
        )
      ).stdout.trim(),
    );
  /** Makes the fixture start a new thread that reads the clocks, returns what it read and a fresh unskewed reading. */
  const lateThread = async (
    node: string,
    pid: number,
    user = 'root',
  ): Promise<{ late: Record<string, number>; now: Record<string, number> }> => {
    const r = await run(
      node,
      `kill -USR1 ${pid}; sleep 0.3; tail -1 /tmp/out-${user}; /tmp/late-thread once`,
    );
    const [late, now] = r.stdout.trim().split('\n');
    return { late: clocks(late!), now: clocks(now!) };
  };

  it(
    'a thread started after the fault sees the offset on CLOCK_REALTIME, gettimeofday and time; monotonic only when asked; reset restores the true clock in the same process',
    async () => {
      const pid = await start('ptrace');
      const set = await run('ptrace', `${CLOCK_TOOL_PATH} set ${pid} 7200000000000 0`);
      expect(set).toMatchObject({ exitCode: 0 });
      expect(set.stdout).toContain('patched=1');
      let { late, now } = await lateThread('ptrace', pid);
      expect(Math.abs(late.rt_ms! - now.rt_ms! - 7_200_000)).toBeLessThan(2000);
      expect(Math.abs(late.gtod_ms! - now.gtod_ms! - 7_200_000)).toBeLessThan(2000);
      expect(Math.abs(late.time_s! - now.time_s! - 7200)).toBeLessThanOrEqual(2);
      expect(Math.abs(late.mono_ms! - now.mono_ms!)).toBeLessThan(2000);

      expect((await run('ptrace', `${CLOCK_TOOL_PATH} set ${pid} -3000000000 -90000000000`)).exitCode).toBe(
        0,
      );
      ({ late, now } = await lateThread('ptrace', pid));
      expect(Math.abs(late.rt_ms! - now.rt_ms! + 3000)).toBeLessThan(1000);
      expect(Math.abs(late.mono_ms! - now.mono_ms! + 90_000)).toBeLessThan(1000);
      const probe = (await run('ptrace', `${CLOCK_TOOL_PATH} probe ${pid}`)).stdout;
      expect(Math.abs(Number(/monotonic_skew_ns=(-?\d+)/.exec(probe)![1]) / 1e6 + 90_000)).toBeLessThan(250);

      expect((await run('ptrace', `${CLOCK_TOOL_PATH} reset ${pid}`)).stdout).toContain('restored=1');
      ({ late, now } = await lateThread('ptrace', pid));
      expect(Math.abs(late.rt_ms! - now.rt_ms!)).toBeLessThan(1000);
      expect(Math.abs(late.mono_ms! - now.mono_ms!)).toBeLessThan(1000);
      expect((await run('ptrace', `kill -0 ${pid} && echo alive`)).stdout.trim()).toBe('alive');
      // A second fault reuses the page the first one mapped: still one blob page in the process.
      const again = await run(
        'ptrace',
        `${CLOCK_TOOL_PATH} set ${pid} 1000000000 0 && ${CLOCK_TOOL_PATH} reset ${pid}`,
      );
      expect(again.exitCode).toBe(0);
      expect(/page=(0x[0-9a-f]+)/.exec(again.stdout)![1]).toBe(/page=(0x[0-9a-f]+)/.exec(set.stdout)![1]);
    },
    T,
  );

  it(
    'without SYS_PTRACE it cannot reach a process of another user, and says so (no partial patch)',
    async () => {
      const pid = await start('plain', 'other');
      const r = await run('plain', `${CLOCK_TOOL_PATH} set ${pid} 1000000000 0`);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/CAP_SYS_PTRACE/);
      const { late, now } = await lateThread('plain', pid, 'other');
      expect(Math.abs(late.rt_ms! - now.rt_ms!)).toBeLessThan(1000);
    },
    T,
  );

  it(
    'with SYS_PTRACE it reaches a process of another user',
    async () => {
      const pid = await start('ptrace', 'other');
      expect((await run('ptrace', `${CLOCK_TOOL_PATH} set ${pid} 5000000000 0`)).exitCode).toBe(0);
      const { late, now } = await lateThread('ptrace', pid, 'other');
      expect(Math.abs(late.rt_ms! - now.rt_ms! - 5000)).toBeLessThan(1000);
      expect((await run('ptrace', `${CLOCK_TOOL_PATH} reset ${pid}`)).exitCode).toBe(0);
    },
    T,
  );
});
