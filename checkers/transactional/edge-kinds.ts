/** Dependency edge kinds as bits, so one mask can allow several kinds. */
export const WW = 1;
export const WR = 2;
export const RW = 4;
export const PROCESS = 8;
export const REALTIME = 16;

export type EdgeName = 'ww' | 'wr' | 'rw' | 'process' | 'realtime';

/** Name of a single-bit edge kind. */
export function edgeName(kind: number): EdgeName {
  switch (kind) {
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
