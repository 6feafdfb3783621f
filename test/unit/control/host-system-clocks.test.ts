import { describe, expect, it } from 'vitest';
import { controlNowMs } from '../../../src/control/clock-offset.js';
import { HostSystemClocks } from '../../../src/control/host-system-clocks.js';
import type { ExecResult, Remote } from '../../../src/core/remote.js';

/**
 * A host whose clock runs `offsetMs` from the control node's: it answers the clock read, and moves
 * its clock by the nanoseconds a shift script adds. Every command is recorded.
 */
function simulatedHost(offsetMs: number): Remote & { offsetMs: number; commands: string[] } {
  const host = {
    offsetMs,
    commands: [] as string[],
    async exec(_node: string, command: readonly string[]): Promise<ExecResult> {
      const line = command.join(' ');
      host.commands.push(line);
      await new Promise((r) => setTimeout(r, 1));
      if (line === 'date +%s%N') {
        const ns = BigInt(Math.round((controlNowMs() + host.offsetMs) * 1000)) * 1000n;
        return { exitCode: 0, stdout: `${ns}\n`, stderr: '' };
      }
      for (const m of line.matchAll(/date \+%s%N\) \+ \((-?\(?-?\d+\)?)\)/g)) {
        host.offsetMs += Number(m[1]!.replace(/[()]/g, '').replace(/^--/, '')) / 1e6;
      }
      return { exitCode: 0, stdout: '', stderr: '' };
    },
    upload: () => Promise.resolve(),
    download: () => Promise.resolve(undefined),
  };
  return host;
}

describe('HostSystemClocks', () => {
  it('shifts a host clock, measures the move against the control clock, and restores the offset it had', async () => {
    const host = simulatedHost(-250);
    const clocks = new HostSystemClocks(host, new Map());
    const moved = await clocks.shift('h1', 5000);
    expect(host.offsetMs).toBeCloseTo(4750, 6);
    expect(Math.abs(moved.offsetMs - 5000)).toBeLessThanOrEqual(moved.uncertaintyMs + 0.01);
    await clocks.shift('h1', -2000);
    expect(host.offsetMs).toBeCloseTo(2750, 6);
    const restored = await clocks.restore('h1');
    expect(Math.abs(host.offsetMs + 250)).toBeLessThanOrEqual(restored!.uncertaintyMs + 0.01);
    expect(Math.abs(restored!.errorMs)).toBeLessThanOrEqual(2 * restored!.uncertaintyMs + 1);
    expect(await clocks.restore('h1')).toBeUndefined();
  });

  it('restoreAll sets back every host still changed', async () => {
    const hosts = { h1: simulatedHost(0), h2: simulatedHost(30) };
    const remote: Remote = {
      exec: (node, command) => hosts[node as 'h1' | 'h2'].exec(node, command),
      upload: () => Promise.resolve(),
      download: () => Promise.resolve(undefined),
    };
    const clocks = new HostSystemClocks(remote, new Map());
    await clocks.shift('h1', 1000);
    await clocks.shift('h2', -1000);
    expect(await clocks.restoreAll()).toEqual({});
    expect(Math.abs(hosts.h1.offsetMs)).toBeLessThan(1.5);
    expect(Math.abs(hosts.h2.offsetMs - 30)).toBeLessThan(1.5);
    expect(await clocks.restoreAll()).toEqual({});
  });

  it('never runs a command that sets the clock of a host that shares its kernel', async () => {
    const host = simulatedHost(0);
    const clocks = new HostSystemClocks(host, new Map([['h1', 'shared with the control node']]));
    expect(clocks.sharedWith('h1')).toBe('shared with the control node');
    expect(clocks.sharedWith('h2')).toBeUndefined();
    await expect(clocks.shift('h1', 1000)).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(clocks.strobe('h1', 1000, 100, 1000)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await clocks.restore('h1')).toBeUndefined();
    expect(host.commands).toEqual([]);
  });
});
