import { FaultlineError } from '../src/core/errors.js';
import type { Rng } from '../src/core/generator.js';
import { shuffle } from '../src/generator/shuffle.js';

/** For each node, the peers it drops all traffic from and to. Symmetric in every grudge built here. */
export type Grudge = Record<string, string[]>;

/** Partition shapes, as Jepsen names them. */
export const PARTITION_MODES = ['one', 'primary', 'halves', 'majority', 'majorities-ring', 'bridge'] as const;
export type PartitionMode = (typeof PARTITION_MODES)[number];

/** A grudge in which each node only talks to the nodes of its own component. */
export function completeGrudge(components: readonly (readonly string[])[]): Grudge {
  const grudge: Grudge = {};
  for (const component of components) {
    const others = components.filter((c) => c !== component).flat();
    for (const node of component) grudge[node] = [...others].sort();
  }
  return grudge;
}

/**
 * The grudge of a partition mode:
 * - `one`: one random node isolated from all others;
 * - `primary`: like `one` here; the nemesis isolates the system's current primary instead when it has one;
 * - `halves`: a random split into floor(n/2) and ceil(n/2) nodes;
 * - `majority`: a random strict minority (1..ceil(n/2)-1 nodes) cut off from the majority;
 * - `majorities-ring`: nodes on a random ring each see the nearest ones on both sides, a majority,
 *   but no two nodes see the same majority (needs n >= 5; smaller clusters get `one`);
 * - `bridge`: two halves that only one node, the bridge, can talk to both of.
 */
export function grudgeFor(mode: PartitionMode, nodes: readonly string[], rng: Rng): Grudge {
  if (nodes.length < 2) return {};
  const s = shuffle(nodes, rng);
  const n = s.length;
  switch (mode) {
    case 'one':
    case 'primary':
      return completeGrudge([s.slice(0, 1), s.slice(1)]);
    case 'halves':
      return completeGrudge([s.slice(0, Math.floor(n / 2)), s.slice(Math.floor(n / 2))]);
    case 'majority': {
      const minority = 1 + rng.int(Math.max(1, Math.ceil(n / 2) - 1));
      return completeGrudge([s.slice(0, minority), s.slice(minority)]);
    }
    case 'majorities-ring': {
      if (n < 5) return grudgeFor('one', nodes, rng);
      const reach = Math.ceil(Math.floor(n / 2) / 2);
      const grudge: Grudge = {};
      s.forEach((node, i) => {
        grudge[node] = s
          .filter((_, j) => {
            const d = Math.min((i - j + n) % n, (j - i + n) % n);
            return d > reach;
          })
          .sort();
      });
      return grudge;
    }
    case 'bridge': {
      if (n < 3) return grudgeFor('one', nodes, rng);
      const bridge = s[0]!;
      const rest = s.slice(1);
      const half = Math.floor(rest.length / 2);
      const grudge = completeGrudge([rest.slice(0, half), rest.slice(half)]);
      grudge[bridge] = [];
      return grudge;
    }
    default:
      throw new FaultlineError(
        'BAD_ARGUMENT',
        `Unknown partition mode "${String(mode)}"; use one of ${PARTITION_MODES.join(', ')}.`,
      );
  }
}

/** The mode a cluster of `n` nodes really gets: rings need 5 nodes and bridges 3, else `one`. */
export function effectiveMode(mode: PartitionMode, n: number): PartitionMode {
  if ((mode === 'majorities-ring' && n < 5) || (mode === 'bridge' && n < 3)) return 'one';
  return mode;
}

/** The connected groups of nodes as seen from the grudge, for reports: who can reach whom. */
export function visibleFrom(grudge: Grudge, nodes: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const node of nodes) out[node] = nodes.filter((m) => m !== node && !(grudge[node] ?? []).includes(m));
  return out;
}
