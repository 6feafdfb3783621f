import { anomalyKinds, withAnomalyKinds } from '../../src/core/anomaly-kind.js';
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

/** Every anomaly id this checker can report: the one place each is defined. */
const anomalies = anomalyKinds([
  {
    id: 'ThinAirRead',
    name: 'thin-air read',
    description:
      'A read returned a value that no write (that happened) wrote and that is not the initial value.',
    forbiddenBy: [
      'causal',
      'causal-convergence',
      'causal-memory',
      'read-your-writes',
      'monotonic-reads',
      'monotonic-writes',
      'writes-follow-reads',
    ],
  },
  {
    id: 'CyclicCO',
    name: 'cyclic causal order',
    description:
      'Causal order has a cycle: an op causally depends on itself (program order plus reads-from loop).',
    forbiddenBy: ['causal', 'causal-convergence', 'causal-memory'],
  },
  {
    id: 'WriteCOInitRead',
    name: 'initial value read after a causal write',
    description: 'A read returned the initial value although a write to its key causally precedes it.',
    forbiddenBy: ['causal', 'causal-convergence', 'causal-memory'],
  },
  {
    id: 'WriteCORead',
    name: 'causally overwritten read',
    description:
      'A read returned a write that another write to the same key had causally overwritten before the read.',
    forbiddenBy: ['causal', 'causal-convergence', 'causal-memory'],
  },
  {
    id: 'CyclicCF',
    name: 'no convergent write order',
    description:
      'No single order of the writes, extending causality, explains every read (causal convergence).',
    forbiddenBy: ['causal-convergence'],
  },
  {
    id: 'WriteHBInitRead',
    name: 'initial value read after a happens-before write',
    description:
      "Given its process's other reads, a write to its key must precede this read, yet it returned the initial value (causal memory).",
    forbiddenBy: ['causal-memory'],
  },
  {
    id: 'CyclicHB',
    name: 'cyclic happens-before',
    description:
      "A process's reads cannot be explained by one order of the writes they depend on (causal memory).",
    forbiddenBy: ['causal-memory'],
  },
  {
    id: 'read-your-writes',
    name: 'read your writes violated',
    description: 'A read returned a value older than a write its own process had already made.',
    forbiddenBy: ['read-your-writes', 'causal', 'causal-convergence', 'causal-memory'],
  },
  {
    id: 'monotonic-reads',
    name: 'monotonic reads violated',
    description: 'A read returned a value older than one an earlier read of the same process returned.',
    forbiddenBy: ['monotonic-reads', 'causal', 'causal-convergence', 'causal-memory'],
  },
  {
    id: 'monotonic-writes',
    name: 'monotonic writes violated',
    description: "A read saw a process's write, then a value older than that process's earlier write.",
    forbiddenBy: ['monotonic-writes', 'causal', 'causal-convergence', 'causal-memory'],
  },
  {
    id: 'writes-follow-reads',
    name: 'writes follow reads violated',
    description: "A read saw a write, then a value older than what that write's process had read before it.",
    forbiddenBy: ['writes-follow-reads', 'causal', 'causal-convergence', 'causal-memory'],
  },
]);

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
  return withAnomalyKinds(
    {
      checker: consistency,
      valid: found.length === 0,
      anomalies: found,
      stats: { ...stats, ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [`found ${k}`, v])) },
    },
    anomalies,
    Object.keys(counts),
  );
}

/** The causal checkers as one registry entry; `consistency` picks the model. */
export const causalChecker: Checker<CausalOptions> = {
  name: 'causal',
  description:
    'Causal consistency (CC, CCv, CM) and session guarantees for read/write histories with unique writes.',
  anomalies,
  check: (history, options) => checkCausal(history, options),
};
