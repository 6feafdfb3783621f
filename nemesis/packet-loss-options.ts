import { FaultlineError } from '../src/core/errors.js';
import { TARGETS, type Target } from './targets.js';

/** How packet-loss faults are drawn: `nemesisPackage`'s `packet` option, and the CLI's --packet-* flags. */
export interface PacketLossOptions {
  /** Chance that one packet crossing a lossy link, in one direction, is dropped (default 0.1). */
  probability?: number;
  /** Only the link between these two nodes is lossy; without it each fault draws nodes by `targets`. */
  link?: readonly string[];
}

/** The smallest probability written into a rule: the statistic match counts in steps of 2^-31. */
const SMALLEST = 1e-9;

/** Checks a loss probability: a number above 0 (and not below what iptables can express), at most 1. */
export function checkProbability(p: unknown, what = '--packet-loss'): number {
  if (typeof p !== 'number' || !Number.isFinite(p) || p < SMALLEST || p > 1) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `${what} must be a probability above 0 and at most 1, got ${String(p)}.`,
      { hint: `For example ${what} 0.1 drops one packet in ten on each lossy link, each way.` },
    );
  }
  return p;
}

/** Checks a link: two different nodes of the cluster. */
export function checkLink(
  link: readonly unknown[],
  nodes: readonly string[],
  what = '--packet-link',
): [string, string] {
  const [a, b] = link;
  if (
    link.length !== 2 ||
    typeof a !== 'string' ||
    typeof b !== 'string' ||
    a === b ||
    !nodes.includes(a) ||
    !nodes.includes(b)
  ) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `${what} must name two different nodes, got "${link.join(',')}".`,
      {
        hint: `Use two of ${nodes.join(', ')}, e.g. ${what} ${nodes.slice(0, 2).join(',')}.`,
      },
    );
  }
  return [a, b];
}

/** Checks node targets for packet loss (the kill/pause vocabulary: one, minority, majority, all). */
export function checkTargets(targets: readonly string[]): Target[] {
  for (const t of targets) {
    if (!(TARGETS as readonly string[]).includes(t)) {
      throw new FaultlineError('BAD_ARGUMENT', `Unknown node target "${t}" for packet loss.`, {
        hint: `Use one of ${TARGETS.join(', ')}.`,
      });
    }
  }
  return [...targets] as Target[];
}

/** The probability as iptables reads it: plain decimals, never exponent notation. */
export function probabilityText(p: number): string {
  return p.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * The options given by the CLI's --packet-loss and --packet-link texts, checked: a flag given for a
 * run without the packet fault is refused rather than silently ignored.
 */
export function packetLossFlags(
  loss: string | undefined,
  link: string | undefined,
  packetAsked: boolean,
): PacketLossOptions | undefined {
  if (loss === undefined && link === undefined) return undefined;
  if (!packetAsked) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `${loss === undefined ? '--packet-link' : '--packet-loss'} only applies to the packet fault.`,
      { hint: 'Add packet to --nemesis (e.g. --nemesis packet --packet-loss 0.1), or drop the flag.' },
    );
  }
  const options: PacketLossOptions = {};
  if (loss !== undefined) {
    const p = loss.trim() === '' ? Number.NaN : Number(loss);
    if (!Number.isFinite(p)) checkProbability(loss);
    options.probability = checkProbability(p);
  }
  if (link !== undefined) options.link = link.split(',').map((s) => s.trim());
  return options;
}
