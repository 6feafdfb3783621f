import type { Value } from '../src/core/op.js';
import type { SystemClocks } from '../src/core/system-clocks.js';

/** Where a clock fault lands on a node: its own system clock, or the database process's view of time. */
export type ClockTarget = { kind: 'system' } | { kind: 'process'; sharedWith?: string };

/**
 * The system clock when the platform can set it and the node's kernel is its own (pure); else the
 * process (libfaketime or ptrace), with who shares the kernel when that is the reason.
 */
export function clockTarget(clocks: SystemClocks | undefined, node: string): ClockTarget {
  if (!clocks) return { kind: 'process' };
  const sharedWith = clocks.sharedWith(node);
  return sharedWith === undefined ? { kind: 'system' } : { kind: 'process', sharedWith };
}

/** The one line a run prints when nodes of a platform with settable clocks cannot have theirs set. */
export function fallbackLine(clocks: SystemClocks | undefined, nodes: readonly string[]): string | undefined {
  if (!clocks) return undefined;
  const shared = nodes.filter((n) => clocks.sharedWith(n) !== undefined);
  if (shared.length === 0) return undefined;
  return `clock: ${shared.join(', ')} share a kernel with other machines: skewing the database process (libfaketime or ptrace) instead of the host clock`;
}

/** Sets (bump) or starts flipping (strobe) a node's own system clock; what the history records. */
export async function skewSystemClock(
  clocks: SystemClocks,
  node: string,
  deltaMs: number,
  strobe: { periodMs: number; durationMs: number } | undefined,
): Promise<{ [key: string]: Value }> {
  if (strobe) {
    await clocks.strobe(node, deltaMs, strobe.periodMs, strobe.durationMs);
    return { mechanism: 'system-clock', visible: 'yes', reason: "the host's own clock is strobed" };
  }
  const seen = await clocks.shift(node, deltaMs);
  const ms = (x: number): number => Math.round(x * 10) / 10;
  // Measured against the control node: the host's clock moved by about deltaMs.
  const visible = Math.abs(seen.offsetMs - deltaMs) <= Math.max(1000, seen.uncertaintyMs) ? 'yes' : 'unknown';
  return {
    mechanism: 'system-clock',
    visible,
    measuredMs: ms(seen.offsetMs),
    uncertaintyMs: ms(seen.uncertaintyMs),
    reason: "the host's own clock was set; the move was measured against the control node's clock",
  };
}
