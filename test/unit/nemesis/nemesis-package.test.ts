import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/generator/rng.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { PARTITION_CHAIN, partitionScript } from '../../../nemesis/partition-nemesis.js';

const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];

describe('nemesisPackage', () => {
  it('combines kinds into one nemesis and one fault per kind', () => {
    const pkg = nemesisPackage(['partition', 'kill', 'pause', 'clock'], { nodes });
    expect(pkg.faults.map((f) => f.name)).toEqual(['partition', 'kill', 'pause', 'clock']);
    expect([...pkg.nemesis.fs].sort()).toEqual(
      [
        'bump-clock',
        'kill',
        'pause',
        'reset-clock',
        'resume',
        'start',
        'start-partition',
        'stop-partition',
        'strobe-clock',
      ].sort(),
    );
  });

  it('draws concrete, reproducible fault ops from the schedule rng', () => {
    const pkg = nemesisPackage(['partition', 'kill', 'clock'], { nodes });
    const draw = (seed: number): unknown[] => pkg.faults.map((f) => f.start(createRng(seed)));
    expect(draw(5)).toEqual(draw(5));
    const [partition, kill, clock] = draw(5) as { f: string; value: Record<string, unknown> | string[] }[];
    expect(partition!.f).toBe('start-partition');
    const p = partition!.value as { mode: string; grudge?: object };
    if (p.mode !== 'primary') expect(Object.keys(p.grudge!).length).toBeGreaterThan(0);
    expect(kill!.f).toBe('kill');
    expect((kill!.value as string[]).every((n) => nodes.includes(n))).toBe(true);
    expect(['bump-clock', 'strobe-clock']).toContain(clock!.f);
    expect(pkg.faults.map((f) => f.stop.f)).toEqual(['stop-partition', 'start', 'reset-clock']);
  });

  it('leaves the grudge of a primary partition to the nemesis, which knows the primary when it starts', () => {
    const pkg = nemesisPackage(['partition'], { nodes, partitionModes: ['primary'] });
    expect(pkg.faults[0]!.start(createRng(1))).toEqual({ f: 'start-partition', value: { mode: 'primary' } });
  });

  it('records the mode a small cluster really gets', () => {
    const pkg = nemesisPackage(['partition'], {
      nodes: ['n1', 'n2', 'n3'],
      partitionModes: ['majorities-ring'],
    });
    expect((pkg.faults[0]!.start(createRng(1)).value as { mode: string }).mode).toBe('one');
  });

  it('rejects an unknown kind naming the known ones', () => {
    expect(() => nemesisPackage(['partition', 'flood'], { nodes })).toThrow(/Unknown nemesis "flood"/);
  });

  it('gives a no-op nemesis for no kinds', () => {
    const pkg = nemesisPackage([], { nodes });
    expect(pkg.faults).toEqual([]);
    expect(pkg.nemesis.fs).toEqual([]);
  });
});

describe('partitionScript', () => {
  it("puts the drops from and to each peer of the grudge in faultline's own chain only", () => {
    const script = partitionScript({ n1: ['n2'] }, 'n1', (n) => `10.0.0.${n.slice(1)}`);
    expect(script).toContain(PARTITION_CHAIN.ensure);
    expect(script).toContain('iptables -w -F faultline-partition');
    expect(
      script.endsWith(
        'iptables -w -A faultline-partition -s 10.0.0.2 -j DROP && iptables -w -A faultline-partition -d 10.0.0.2 -j DROP',
      ),
    ).toBe(true);
    expect(script).not.toMatch(/-[AFDX] (INPUT|OUTPUT)/);
    expect(partitionScript({}, 'n3', () => '')).toBe(
      `${PARTITION_CHAIN.ensure} && iptables -w -F faultline-partition`,
    );
  });
});

describe('nemesisPackage privileges', () => {
  it('asks for no extra privileges for the built-in network and process faults', () => {
    const pkg = nemesisPackage(['partition', 'kill', 'pause'], { nodes: ['n1', 'n2', 'n3'] });
    expect(pkg.privileges).toBeUndefined();
  });

  it('asks for SYS_PTRACE only when the clock fault is asked for (the ptrace clock tool)', () => {
    expect(nemesisPackage(['clock'], { nodes: ['n1'] }).privileges).toEqual({ capAdd: ['SYS_PTRACE'] });
    expect(nemesisPackage(['partition', 'clock'], { nodes: ['n1'] }).privileges).toEqual({
      capAdd: ['SYS_PTRACE'],
    });
  });
});
