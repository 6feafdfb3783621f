/** Dependency edge kinds as bits, so one mask can allow several kinds. */
export const WW = 1;
export const WR = 2;
export const RW = 4;
export const PROCESS = 8;
export const REALTIME = 16;

/**
 * Basis flags, or-ed onto a ww or rw edge whose version order is known only from process or
 * real-time order (rw-register under a session or real-time model). The edge keeps its dependency
 * kind; the flag says which order the cycle then relies on, so the cycle is a -process or
 * -realtime variant of its class.
 */
export const VIA_PROCESS = 32;
export const VIA_REALTIME = 64;

/** The dependency kind of an edge (its single kind bit), without basis flags. */
export const KIND_MASK = WW | WR | RW | PROCESS | REALTIME;

/** The orders an edge relies on, as PROCESS / REALTIME bits: its own kind or its basis flags. */
export function orderBits(kind: number): number {
  return (kind & (PROCESS | REALTIME)) | ((kind >> 2) & (PROCESS | REALTIME));
}

export type EdgeName = 'ww' | 'wr' | 'rw' | 'process' | 'realtime';

/** Name of an edge's dependency kind (basis flags ignored). */
export function edgeName(kind: number): EdgeName {
  switch (kind & KIND_MASK) {
    case WW:
      return 'ww';
    case WR:
      return 'wr';
    case RW:
      return 'rw';
    case PROCESS:
      return 'process';
    default:
      return 'realtime';
  }
}
