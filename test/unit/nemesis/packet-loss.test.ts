import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../../../src/core/errors.js';
import type { Value } from '../../../src/core/op.js';
import type { System, SystemContext } from '../../../src/core/system.js';
import { createRng } from '../../../src/generator/rng.js';
import { grudgeLinks, linkGrudge, lossGrudge } from '../../../nemesis/loss-grudge.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';
import {
  PACKET_CHAIN,
  packetLossFault,
  packetLossNemesis,
  packetLossScript,
} from '../../../nemesis/packet-loss-nemesis.js';
import { checkProbability, packetLossFlags, probabilityText } from '../../../nemesis/packet-loss-options.js';

const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
const ip = (n: string): string => `10.0.0.${n.slice(1)}`;

/** Every unordered pair with an end in `hit`, by enumeration: the oracle for lossGrudge. */
function bruteForceLinks(hit: readonly string[], all: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of all)
    for (const b of all) if (a < b && (hit.includes(a) || hit.includes(b))) out.push(`${a} ${b}`);
  return out.sort();
}

const thrown = (f: () => unknown): FaultlineError => {
  try {
    f();
  } catch (error) {
    if (error instanceof FaultlineError) return error;
    throw error;
  }
  throw new Error('expected a FaultlineError');
};

describe('lossGrudge', () => {
  it('makes exactly the links with an end in the hit nodes lossy, both ways (brute-force oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 7 }), fc.array(fc.nat(6)), (n, picks) => {
        const all = Array.from({ length: n }, (_, i) => `n${i + 1}`);
        const hit = [...new Set(picks.filter((i) => i < n).map((i) => all[i]!))];
        const grudge = lossGrudge(hit, all);
        expect(grudgeLinks(grudge).map((l) => l.join(' '))).toEqual(bruteForceLinks(hit, all));
        for (const [node, peers] of Object.entries(grudge)) {
          for (const peer of peers) expect(grudge[peer]).toContain(node);
        }
      }),
    );
  });

  it('gives every link for all nodes and one node its links for one', () => {
    expect(grudgeLinks(lossGrudge(nodes, nodes))).toHaveLength(10);
    expect(lossGrudge(['n2'], ['n1', 'n2', 'n3'])).toEqual({ n1: ['n2'], n2: ['n1', 'n3'], n3: ['n2'] });
    expect(linkGrudge('n1', 'n3')).toEqual({ n1: ['n3'], n3: ['n1'] });
  });
});

describe('packet-loss schedule', () => {
  it('draws reproducible faults from the seeded rng with the probability asked for', () => {
    const fault = packetLossFault(nodes, { probability: 0.3 });
    expect(fault.name).toBe('packet');
    expect(fault.start(createRng(4))).toEqual(fault.start(createRng(4)));
    expect(fault.stop).toEqual({ f: 'stop-packet-loss', value: null });
    const targets = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const op = fault.start(createRng(seed));
      const v = op.value as { probability: number; target: string; grudge: Record<string, string[]> };
      expect(op.f).toBe('start-packet-loss');
      expect(v.probability).toBe(0.3);
      targets.add(v.target);
      const links = grudgeLinks(v.grudge).length;
      expect(v.target === 'all' ? links === 10 : links >= 4 && links < 10).toBe(true);
    }
    expect([...targets].sort()).toEqual(['all', 'minority', 'one']);
  });

  it('makes only the chosen link lossy when a link is given', () => {
    const fault = packetLossFault(nodes, { link: ['n4', 'n2'] });
    expect(fault.start(createRng(1))).toEqual({
      f: 'start-packet-loss',
      value: { probability: 0.1, link: ['n4', 'n2'], grudge: { n4: ['n2'], n2: ['n4'] } },
    });
  });

  it('refuses bad options before any container exists', () => {
    expect(thrown(() => packetLossFault(['n1'])).message).toMatch(/at least 2 nodes/);
    expect(thrown(() => packetLossFault(nodes, { link: ['n1', 'n1'] })).message).toMatch(/two different/);
    expect(thrown(() => packetLossFault(nodes, { link: ['n1', 'n9'] })).hint).toMatch(/n1, n2/);
    expect(thrown(() => packetLossFault(nodes, { probability: 0 })).code).toBe('BAD_ARGUMENT');
    expect(thrown(() => packetLossFault(nodes, {}, ['some' as 'one'])).message).toMatch(
      /Unknown node target/,
    );
  });
});

describe('packet-loss probability and flags', () => {
  it('accepts (0, 1] and refuses the rest with a hint', () => {
    expect(checkProbability(1)).toBe(1);
    expect(checkProbability(0.1)).toBe(0.1);
    for (const bad of [0, -0.1, 1.5, Number.NaN, Infinity, '0.1', null]) {
      const e = thrown(() => checkProbability(bad));
      expect(e.code).toBe('BAD_ARGUMENT');
      expect(e.hint).toMatch(/--packet-loss 0.1/);
    }
  });

  it('writes probabilities as plain decimals', () => {
    expect(probabilityText(1)).toBe('1');
    expect(probabilityText(0.3)).toBe('0.3');
    expect(probabilityText(1e-9)).toBe('0.000000001');
  });

  it('reads the CLI texts, and refuses them for a run without the packet fault', () => {
    expect(packetLossFlags(undefined, undefined, false)).toBeUndefined();
    expect(packetLossFlags('0.25', 'n1, n2', true)).toEqual({ probability: 0.25, link: ['n1', 'n2'] });
    expect(thrown(() => packetLossFlags('abc', undefined, true)).message).toMatch(/got abc/);
    expect(thrown(() => packetLossFlags('', undefined, true)).code).toBe('BAD_ARGUMENT');
    expect(thrown(() => packetLossFlags('0.1', undefined, false)).hint).toMatch(/--nemesis packet/);
    expect(thrown(() => packetLossFlags(undefined, 'n1,n2', false)).message).toMatch(/--packet-link/);
  });
});

describe('packetLossScript', () => {
  it("drops arriving packets of each peer with the probability, in faultline's own chain only", () => {
    const script = packetLossScript({ n1: ['n2', 'n3'] }, 'n1', 0.3, ip);
    expect(script).toBe(
      PACKET_CHAIN.replace([
        '-s 10.0.0.2 -m statistic --mode random --probability 0.3 -j DROP',
        '-s 10.0.0.3 -m statistic --mode random --probability 0.3 -j DROP',
      ]),
    );
    expect(PACKET_CHAIN.name).toBe('faultline-packet');
    expect(script).not.toMatch(/-[AFDX] (INPUT|OUTPUT)/);
    expect(script).not.toMatch(/-d /);
    expect(packetLossScript({ n1: ['n2'] }, 'n4', 0.3, ip)).toBe(PACKET_CHAIN.replace([]));
  });
});

/** A cluster that records the scripts it is asked to run and fails those on `failing` nodes. */
function recordingContext(failing: readonly string[] = []): { ctx: SystemContext; runs: [string, string][] } {
  const runs: [string, string][] = [];
  const ctx: SystemContext = {
    options: {},
    log: () => undefined,
    cluster: {
      runId: 'unit',
      nodes: ['n1', 'n2', 'n3'],
      ip,
      remote: {
        exec(node, command) {
          runs.push([node, command.at(-1)!]);
          const fails = failing.includes(node);
          return Promise.resolve({
            exitCode: fails ? 1 : 0,
            stdout: '',
            stderr: fails ? 'no statistic' : '',
          });
        },
        upload: () => Promise.resolve(),
        download: () => Promise.resolve(undefined),
      },
    },
  };
  return { ctx, runs };
}

describe('packetLossNemesis', () => {
  const system = {} as System;

  it('checks the statistic match at setup, applies, heals by flushing and removes the chain at teardown', async () => {
    const { ctx, runs } = recordingContext();
    const nemesis = packetLossNemesis();
    await nemesis.setup(ctx, system);
    expect(runs.filter(([, s]) => s.includes('192.0.2.1 -m statistic'))).toHaveLength(3);
    runs.length = 0;
    const r = await nemesis.invoke(ctx, {
      f: 'start-packet-loss',
      value: { probability: 0.2, link: ['n1', 'n3'] },
    });
    expect(r).toEqual({
      type: 'info',
      value: { probability: 0.2, link: ['n1', 'n3'], grudge: { n1: ['n3'], n3: ['n1'] } },
    });
    expect(runs.find(([n]) => n === 'n3')![1]).toContain(
      '-s 10.0.0.1 -m statistic --mode random --probability 0.2',
    );
    expect(runs.find(([n]) => n === 'n2')![1]).toBe(PACKET_CHAIN.replace([]));
    runs.length = 0;
    expect(await nemesis.invoke(ctx, { f: 'stop-packet-loss', value: null })).toEqual({
      type: 'info',
      value: { healed: ['n1', 'n2', 'n3'] },
    });
    expect(runs.map(([, s]) => s)).toEqual(Array(3).fill(PACKET_CHAIN.flush));
    runs.length = 0;
    await nemesis.teardown(ctx);
    await nemesis.teardown(ctx);
    expect(runs.map(([, s]) => s)).toEqual(Array(6).fill(PACKET_CHAIN.remove));
  });

  it('takes a probability alone as loss on every link', async () => {
    const { ctx } = recordingContext();
    const r = await packetLossNemesis().invoke(ctx, { f: 'start-packet-loss', value: 0.5 });
    expect(r.value).toEqual({
      probability: 0.5,
      grudge: { n1: ['n2', 'n3'], n2: ['n1', 'n3'], n3: ['n1', 'n2'] },
    });
  });

  it('records a bad hand-written op as not applied, without touching a node', async () => {
    const { ctx, runs } = recordingContext();
    const bad: Value[] = [{ probability: 2 }, { link: ['n1', 'n7'] }, { grudge: { n1: ['x'] } }, 'most'];
    for (const value of bad) {
      const r = await packetLossNemesis().invoke(ctx, { f: 'start-packet-loss', value });
      expect(r.error).toEqual(expect.any(String));
      expect(r.value).toEqual(value);
    }
    expect(runs).toEqual([]);
  });

  it('fails setup with a hint when a node cannot take the rules, and records per-node errors', async () => {
    const { ctx } = recordingContext(['n2']);
    const nemesis = packetLossNemesis();
    await expect(nemesis.setup(ctx, system)).rejects.toThrow(/Cannot inject packet loss on n2/);
    const r = await nemesis.invoke(ctx, { f: 'start-packet-loss', value: 0.1 });
    expect(Object.keys(r.error as object)).toEqual(['n2']);
  });

  it('is a package of its own kind, with no extra privileges', () => {
    const pkg = nemesisPackage(['packet', 'partition'], { nodes, packet: { probability: 0.3 } });
    expect(pkg.faults.map((f) => f.name)).toEqual(['packet', 'partition']);
    expect(pkg.nemesis.fs).toContain('start-packet-loss');
    expect(pkg.privileges).toBeUndefined();
  });
});
