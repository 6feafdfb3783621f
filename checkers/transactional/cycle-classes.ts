import { PROCESS, REALTIME, RW, WR, WW } from './edge-kinds.js';

/** How many anti-dependency (rw) edges a cycle class has, and whether two may be adjacent. */
export type RwRule = 'none' | 'one' | 'nonadjacent' | 'adjacent';

/**
 * A class of dependency cycles (Adya 1999; Elle, Kingsbury & Alvaro 2020): the edge kinds it may use,
 * the kind of edge the search starts from, and what the whole cycle must contain.
 */
export interface CycleClass {
  id: string;
  allowed: number;
  start: number;
  /** At least one edge of this kind besides the rule on rw edges (0: none). */
  need: number;
  rw: RwRule;
}

const DATA = WW | WR | RW;

function variants(base: CycleClass[]): CycleClass[] {
  const out = [...base];
  for (const [suffix, extra, need] of [
    ['-process', PROCESS, PROCESS],
    ['-realtime', PROCESS | REALTIME, REALTIME],
  ] as const) {
    for (const c of base) {
      // G0 has no special data edge to start from, so it starts from the order edge it needs.
      const start = c.start === WW ? need : c.start;
      out.push({
        id: c.id + suffix,
        allowed: c.allowed | extra,
        start,
        need: start === need ? 0 : need,
        rw: c.rw,
      });
    }
  }
  return out;
}

/**
 * G0: write cycles (ww only). G1c: ww+wr with at least one wr. G-single: exactly one rw.
 * G-nonadjacent: two or more rw, no two adjacent. G2-item: two or more rw with some adjacent pair
 * (the cycles snapshot isolation allows; G-single and G-nonadjacent are reported under their own
 * names although Adya's G2-item includes them). The -process and -realtime variants also use
 * process-order or real-time edges and need at least one such edge.
 */
export const CYCLE_CLASSES: readonly CycleClass[] = variants([
  { id: 'G0', allowed: WW, start: WW, need: 0, rw: 'none' },
  { id: 'G1c', allowed: WW | WR, start: WR, need: 0, rw: 'none' },
  { id: 'G-single', allowed: DATA, start: RW, need: 0, rw: 'one' },
  { id: 'G-nonadjacent', allowed: DATA, start: RW, need: 0, rw: 'nonadjacent' },
  { id: 'G2-item', allowed: DATA, start: RW, need: 0, rw: 'adjacent' },
]);
