import type { Op } from '../../src/core/op.js';
import { generateRegisterHistory } from './generate-register-history.js';

/**
 * Histories shaped like Jepsen cas-register runs: about 170 events, 5 to 15 processes, values 0 to
 * 4, many failed cas, and several crashed (info) writes and cas. `corrupt` (or 'phantom') gives each
 * a read of a value nobody wrote; 'stale' a read of an overwritten value (usually invalid).
 */
export function generateJepsenHistories(
  count: number,
  corrupt: boolean | 'none' | 'phantom' | 'stale',
  seed = 1,
): Op[][] {
  const mode = corrupt === true ? 'phantom' : corrupt === false ? 'none' : corrupt;
  const out: Op[][] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      generateRegisterHistory({
        ops: 85,
        processes: 5 + ((i * 7) % 11),
        values: 5,
        cas: true,
        infoRate: 0.12 + ((i * 3) % 10) / 100,
        corrupt: mode === 'phantom',
        stale: mode === 'stale',
        seed: seed * 1000 + i,
      }),
    );
  }
  return out;
}

/** Info (crashed) writes and cas in a history. */
export function crashedWrites(history: readonly Op[]): number {
  return history.filter((op) => op.type === 'info' && op.f !== 'read').length;
}
