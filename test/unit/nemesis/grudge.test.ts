import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/generator/rng.js';
import {
  completeGrudge,
  grudgeFor,
  PARTITION_MODES,
  visibleFrom,
  type Grudge,
} from '../../../nemesis/grudge.js';

const nodes = (n: number): string[] => Array.from({ length: n }, (_, i) => `n${i + 1}`);

function symmetric(g: Grudge): boolean {
  return Object.entries(g).every(([a, peers]) => peers.every((b) => (g[b] ?? []).includes(a)));
}

describe('grudgeFor', () => {
  it('one: a single node cut off from all others', () => {
    const g = grudgeFor('one', nodes(5), createRng(1));
    const isolated = Object.entries(g).filter(([, peers]) => peers.length === 4);
    expect(isolated).toHaveLength(1);
    const lonely = isolated[0]![0];
    for (const n of nodes(5).filter((x) => x !== lonely)) expect(g[n]).toEqual([lonely]);
  });

  it('halves: two components of floor and ceil n/2', () => {
    const g = grudgeFor('halves', nodes(5), createRng(2));
    const sizes = Object.values(g)
      .map((peers) => 5 - peers.length)
      .sort();
    expect(sizes).toEqual([2, 2, 3, 3, 3]);
  });

  it('majority: a strict minority against a majority', () => {
    for (let seed = 0; seed < 20; seed++) {
      const g = grudgeFor('majority', nodes(5), createRng(seed));
      const minority = Object.values(g).filter((peers) => peers.length >= 3).length;
      expect(minority).toBeGreaterThanOrEqual(1);
      expect(minority).toBeLessThanOrEqual(2);
    }
  });

  it('majorities-ring: every node sees a majority and no two see the same one', () => {
    for (const n of [5, 7, 9]) {
      const all = nodes(n);
      const seen = visibleFrom(grudgeFor('majorities-ring', all, createRng(n)), all);
      const views = all.map((x) => [x, ...seen[x]!].sort().join(','));
      for (const x of all) expect(seen[x]!.length + 1).toBeGreaterThan(n / 2);
      expect(new Set(views).size).toBe(n);
    }
  });

  it('bridge: one node talks to both halves, which do not talk to each other', () => {
    const all = nodes(5);
    const g = grudgeFor('bridge', all, createRng(3));
    const bridges = all.filter((x) => g[x]!.length === 0);
    expect(bridges).toHaveLength(1);
    const others = all.filter((x) => x !== bridges[0]);
    for (const x of others) expect(g[x]!.length).toBe(2);
  });

  it('every mode gives a symmetric grudge over known nodes, the same for the same seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer(),
        fc.constantFrom(...PARTITION_MODES),
        (n, seed, mode) => {
          const all = nodes(n);
          const g = grudgeFor(mode, all, createRng(seed));
          expect(symmetric(g)).toBe(true);
          for (const [a, peers] of Object.entries(g)) {
            expect(all).toContain(a);
            expect(peers).not.toContain(a);
          }
          expect(grudgeFor(mode, all, createRng(seed))).toEqual(g);
        },
      ),
    );
  });

  it('rejects an unknown mode with the list of modes', () => {
    expect(() => grudgeFor('nope' as never, nodes(3), createRng(0))).toThrow(/one, primary, halves/);
  });
});

describe('completeGrudge', () => {
  it('makes each node drop everything outside its component', () => {
    expect(completeGrudge([['n1'], ['n2', 'n3']])).toEqual({ n1: ['n2', 'n3'], n2: ['n1'], n3: ['n1'] });
  });
});
