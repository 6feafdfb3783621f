import type { Grudge } from './grudge.js';

/**
 * The lossy links of a packet-loss fault as a grudge (node -> peers whose packets it drops with the
 * fault's probability): every link with an end in `hit`. All nodes hit gives every link; one node
 * hit gives that node's links to all others. Symmetric, so each lossy link loses both ways.
 */
export function lossGrudge(hit: readonly string[], nodes: readonly string[]): Grudge {
  const grudge: Grudge = {};
  for (const node of nodes) {
    const peers = hit.includes(node) ? nodes.filter((n) => n !== node) : hit.filter((n) => n !== node);
    if (peers.length > 0) grudge[node] = [...peers].sort();
  }
  return grudge;
}

/** The grudge of one lossy link, both ways. */
export function linkGrudge(a: string, b: string): Grudge {
  return { [a]: [b], [b]: [a] };
}

/** The links of a grudge, each once, as sorted pairs: for reports and tests. */
export function grudgeLinks(grudge: Grudge): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [node, peers] of Object.entries(grudge)) {
    for (const peer of peers) {
      const pair = [node, peer].sort() as [string, string];
      const key = pair.join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        out.push(pair);
      }
    }
  }
  return out.sort((x, y) => x.join(' ').localeCompare(y.join(' ')));
}
