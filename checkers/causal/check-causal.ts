import type { Anomaly, CheckResult, Checker } from '../../src/core/checker.js';
import type { History, Value } from '../../src/core/op.js';
import { buildCausalGraph } from './causal-graph.js';
import { findCausalMemoryPatterns } from './find-causal-memory-patterns.js';
import { findCausalPatterns, findThinAirReads } from './find-causal-patterns.js';
import { findCyclicCf } from './find-cyclic-cf.js';
import { findSessionViolations, type SessionGuarantee } from './find-session-violations.js';

/** The consistency models checkCausal decides. */
export type CausalConsistency = 'causal' | 'causal-convergence' | 'causal-memory' | SessionGuarantee;

export const CAUSAL_CONSISTENCIES: readonly CausalConsistency[] = [
  'causal',
  'causal-convergence',
  'causal-memory',
  'read-your-writes',
  'monotonic-reads',
  'monotonic-writes',
  'writes-follow-reads',
];

export interface CausalOptions {
  consistency: CausalConsistency;
  /** The value every key holds before any write; null unless given. */
  initial?: Value;
  /** The initial value of each key is unknown: see CausalGraphOptions.initialUnknown. */
  initialUnknown?: boolean;
  /** Values are [key value] (reads invoked as [key null]); detected when omitted. */
  keyed?: boolean;
  /** At most this many anomalies of each kind are listed (all are counted); default 20. */
  limit?: number;
}

const anomalies = {
  ThinAirRead:
    'A read returned a value that no write (that happened) wrote and that is not the initial value.',
  CyclicCO: 'Program order plus read-from has a cycle: an op causally depends on itself.',
  WriteCOInitRead: 'A read returned the initial value although a write to its key causally precedes it.',
  WriteCORead:
    'A read returned a write that another write to the same key causally overwrote before the read.',
  CyclicCF: 'No single order of the writes (extending causality) explains all reads (causal convergence).',
  WriteHBInitRead:
    "A read returned the initial value although, given its process's other reads, a write to its key must precede it (causal memory).",
  CyclicHB:
    "A process's reads cannot be explained by one order of the writes they depend on (causal memory).",
  'read-your-writes': 'A read returned a value older than a write of its own process.',
  'monotonic-reads': 'A read returned a value older than one an earlier read of its process returned.',
  'monotonic-writes': "A read saw a process's write, then a value older than that process's earlier write.",
  'writes-follow-reads':
    "A read saw a write, then a value older than what that write's process had read before it.",
} as const;

/**
 * Checks a read/write history (single register, or keyed with [key value]) for causal consistency
 * (CC), causal convergence (CCv), causal memory (CM) per Bouajjani, Enea, Guerraoui and Hamza,
 * "On verifying causal consistency" (POPL 2017), or one session guarantee. Polynomial because each
 * read identifies the write it read (values written at most once per key); when that assumption
 * fails the verdict is unknown and the reason says why. Fail ops did not happen; an info write
 * counts only if some read returned its value.
 */
export function checkCausal(history: History, options: CausalOptions): CheckResult {
  const { consistency } = options;
  const limit = options.limit ?? 20;
  const g = buildCausalGraph(history, {
    ...(options.initial === undefined ? {} : { initial: options.initial }),
    ...(options.keyed === undefined ? {} : { keyed: options.keyed }),
    ...(options.initialUnknown === undefined ? {} : { initialUnknown: options.initialUnknown }),
  });
  if ('unknownReason' in g) {
    return { checker: consistency, valid: 'unknown', anomalies: [], unknownReason: g.unknownReason };
  }
  let reads = 0;
  for (let v = 0; v < g.n; v++) if (!g.isWrite[v]) reads++;
  const stats: Record<string, number> = { ops: g.n, reads, writes: g.n - reads, processes: g.sessions };
  const found: Anomaly[] = [];
  let counts: Record<string, number> = {};
  if (consistency === 'causal' || consistency === 'causal-convergence' || consistency === 'causal-memory') {
    const cc = findCausalPatterns(g, limit);
    found.push(...cc.anomalies);
    counts = cc.counts;
    if (found.length === 0 && cc.clock !== undefined) {
      const extra =
        consistency === 'causal-convergence'
          ? findCyclicCf(g, cc.clock)
          : consistency === 'causal-memory'
            ? findCausalMemoryPatterns(g, cc.clock)
            : undefined;
      if (extra !== undefined) {
        found.push(extra);
        counts[extra.id] = 1;
      }
    }
  } else {
    found.push(...findThinAirReads(g).slice(0, limit), ...findSessionViolations(g, consistency, limit));
    for (const a of found) counts[a.id] = (counts[a.id] ?? 0) + 1;
  }
  return {
    checker: consistency,
    valid: found.length === 0,
    anomalies: found,
    stats: { ...stats, ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [`found ${k}`, v])) },
  };
}

/** The causal checkers as one registry entry; `consistency` picks the model. */
export const causalChecker: Checker<CausalOptions> = {
  name: 'causal',
  description:
    'Causal consistency (CC, CCv, CM) and session guarantees for read/write histories with unique writes.',
  anomalies,
  check: (history, options) => checkCausal(history, options),
};
