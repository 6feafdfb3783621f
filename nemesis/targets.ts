import { FaultlineError } from '../src/core/errors.js';
import type { Rng } from '../src/core/generator.js';
import { shuffle } from '../src/generator/shuffle.js';

/** Which nodes a process fault (kill, pause, clock) hits, as in Jepsen's node specs. */
export const TARGETS = ['one', 'minority', 'majority', 'all'] as const;
export type Target = (typeof TARGETS)[number];

/** Random nodes for a target: one; a strict minority (at least one); a strict majority; all. */
export function pickNodes(target: Target, nodes: readonly string[], rng: Rng): string[] {
  const s = shuffle(nodes, rng);
  const n = s.length;
  const count =
    target === 'one'
      ? 1
      : target === 'minority'
        ? Math.max(1, Math.ceil(n / 2) - 1)
        : target === 'majority'
          ? Math.floor(n / 2) + 1
          : target === 'all'
            ? n
            : undefined;
  if (count === undefined) {
    throw new FaultlineError('BAD_ARGUMENT', `Unknown node target "${String(target)}".`, {
      hint: `Use one of ${TARGETS.join(', ')}.`,
    });
  }
  return s.slice(0, Math.min(count, n)).sort();
}

/** The nodes named by a fault op's value: an array of node names, or a target resolved with `rng`. */
export function nodesOf(value: unknown, nodes: readonly string[], rng: Rng): string[] {
  if (Array.isArray(value))
    return value.filter((v): v is string => typeof v === 'string' && nodes.includes(v));
  if (typeof value === 'string' && (TARGETS as readonly string[]).includes(value))
    return pickNodes(value as Target, nodes, rng);
  return [];
}

/** Targets of kill and pause: also `primary`, the node the system names as primary when the fault starts. */
export const PROCESS_TARGETS = [...TARGETS, 'primary'] as const;
export type ProcessTarget = (typeof PROCESS_TARGETS)[number];

/** A fault op's node value for `target`: drawn now with the seeded rng, or `'primary'`, resolved when it starts. */
export function drawTarget(target: ProcessTarget, nodes: readonly string[], rng: Rng): string[] | 'primary' {
  return target === 'primary' ? 'primary' : pickNodes(target, nodes, rng);
}

/** The plain node targets among `targets` (file-system faults have no `primary`), or undefined when none. */
export function nodeTargets(targets: readonly ProcessTarget[] | undefined): Target[] | undefined {
  const plain = targets?.filter((t): t is Target => t !== 'primary');
  return plain && plain.length > 0 ? plain : undefined;
}
