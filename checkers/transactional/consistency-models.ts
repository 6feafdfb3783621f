/** A transactional consistency model: what it directly rules out and which weaker models it implies. */
export interface ConsistencyModel {
  /** Anomaly ids this model prohibits, besides those of the models it implies. */
  prohibits: readonly string[];
  /** Weaker models: anything they prohibit, this one prohibits too. */
  implies: readonly string[];
  /** Where the definition comes from. */
  source: string;
}

const cycles = (suffix: string, ids: readonly string[]): string[] => ids.map((id) => id + suffix);

/**
 * The models, weakest first. "Never explainable" anomalies (a history no version order or
 * transaction semantics can produce) rule out everything, so they sit at read-uncommitted.
 * Snapshot isolation is Cerone & Gotsman's (no real-time start order), so serializable implies it;
 * the real-time flavour is strong-snapshot-isolation. Read-atomic and causal are the axiomatic
 * definitions of Cerone et al. (2015) / Biswas & Enea (2019), checked by the vector-clock pass;
 * they order commits after session order, which Adya's models do not, so only the strong-session
 * models imply them.
 */
export const CONSISTENCY_MODELS = {
  'read-uncommitted': {
    prohibits: [
      'G0',
      'future-read',
      'garbage-read',
      'duplicate-elements',
      'incompatible-order',
      'fractured-append',
      'cyclic-versions',
    ],
    implies: [],
    source: 'Adya 1999, PL-1',
  },
  'read-committed': {
    prohibits: ['G1a', 'G1b', 'G1c', 'dirty-update'],
    implies: ['read-uncommitted'],
    source: 'Adya 1999, PL-2',
  },
  'read-atomic': {
    // Biswas & Enea's read-committed axiom is stronger than Adya's PL-2 and implied by read atomic.
    // A read that misses the txn's own write breaks the internal-consistency axiom (INT).
    prohibits: ['rc-axiom', 'ra-axiom', 'internal'],
    implies: ['read-committed'],
    source: 'Cerone et al. 2015; Biswas & Enea 2019',
  },
  causal: {
    prohibits: ['cc-axiom', ...cycles('-process', ['G0', 'G1c'])],
    implies: ['read-atomic'],
    source: 'Cerone et al. 2015; Biswas & Enea 2019',
  },
  'consistent-view': {
    prohibits: ['G-single', 'internal'],
    implies: ['read-committed'],
    source: 'Adya 1999, PL-2+',
  },
  'repeatable-read': {
    prohibits: ['G-single', 'G-nonadjacent', 'G2-item', 'lost-update', 'internal'],
    implies: ['read-committed'],
    source: 'Adya 1999, PL-2.99; lost update: Berenson et al. 1995 (P4)',
  },
  'snapshot-isolation': {
    prohibits: ['G-nonadjacent', 'lost-update'],
    implies: ['consistent-view'],
    source: 'Adya 1999, PL-SI; Cerone & Gotsman 2016; Berenson et al. 1995 (P4)',
  },
  serializable: {
    prohibits: ['G2-item'],
    implies: ['snapshot-isolation', 'repeatable-read'],
    source: 'Adya 1999, PL-3',
  },
  'strong-session-snapshot-isolation': {
    prohibits: cycles('-process', ['G-single', 'G-nonadjacent']),
    implies: ['snapshot-isolation', 'causal'],
    source: 'Daudjee & Salem 2006',
  },
  'strong-session-serializable': {
    prohibits: cycles('-process', ['G2-item']),
    implies: ['serializable', 'strong-session-snapshot-isolation'],
    source: 'Daudjee & Salem 2004',
  },
  'strong-snapshot-isolation': {
    prohibits: cycles('-realtime', ['G0', 'G1c', 'G-single', 'G-nonadjacent']),
    implies: ['strong-session-snapshot-isolation'],
    source: 'Daudjee & Salem 2006; Adya 1999 (PL-SI start order)',
  },
  'strict-serializable': {
    prohibits: cycles('-realtime', ['G2-item']),
    implies: ['strong-session-serializable', 'strong-snapshot-isolation'],
    source: 'Papadimitriou 1979; Herlihy & Wing 1990 (real-time order)',
  },
} as const satisfies Record<string, ConsistencyModel>;

export type ConsistencyModelName = keyof typeof CONSISTENCY_MODELS;

export const MODEL_NAMES = Object.keys(CONSISTENCY_MODELS) as ConsistencyModelName[];

export function isModelName(name: string): name is ConsistencyModelName {
  return Object.hasOwn(CONSISTENCY_MODELS, name);
}

/** The model and every model it implies, transitively. */
export function weakerOrEqual(model: ConsistencyModelName): Set<ConsistencyModelName> {
  const out = new Set<ConsistencyModelName>();
  const visit = (m: ConsistencyModelName): void => {
    if (out.has(m)) return;
    out.add(m);
    for (const w of CONSISTENCY_MODELS[m].implies) visit(w as ConsistencyModelName);
  };
  visit(model);
  return out;
}

/** Every anomaly id the model prohibits, including those of the models it implies. */
export function prohibitedBy(model: ConsistencyModelName): Set<string> {
  const out = new Set<string>();
  for (const m of weakerOrEqual(model)) for (const a of CONSISTENCY_MODELS[m].prohibits) out.add(a);
  return out;
}

/** Whether the model relies on real-time order (its checks need real-time edges). */
export function needsRealtime(model: ConsistencyModelName): boolean {
  return [...prohibitedBy(model)].some((a) => a.endsWith('-realtime'));
}

/** Whether the model relies on process order. */
export function needsProcess(model: ConsistencyModelName): boolean {
  return [...prohibitedBy(model)].some((a) => a.endsWith('-process'));
}

/** The level of the vector-clock pass the model needs, if any. */
export function axiomLevel(model: ConsistencyModelName): 'causal' | 'read-atomic' | undefined {
  const p = prohibitedBy(model);
  return p.has('cc-axiom') ? 'causal' : p.has('ra-axiom') ? 'read-atomic' : undefined;
}

/**
 * Given the anomaly ids found and the models whose prohibited anomalies were all searched,
 * splits models into ruled out (weakest ones first: `notModels`, the rest `alsoNot`) and the
 * strongest still possible.
 */
export function classifyModels(
  found: ReadonlySet<string>,
  checked: ReadonlySet<ConsistencyModelName>,
): { notModels: ConsistencyModelName[]; alsoNot: ConsistencyModelName[]; possible: ConsistencyModelName[] } {
  const ruledOut = MODEL_NAMES.filter((m) => [...prohibitedBy(m)].some((a) => found.has(a)));
  const out = new Set(ruledOut);
  const notModels = ruledOut.filter((m) => ![...weakerOrEqual(m)].some((w) => w !== m && out.has(w)));
  const alsoNot = ruledOut.filter((m) => !notModels.includes(m));
  const ok = MODEL_NAMES.filter((m) => checked.has(m) && !out.has(m));
  const possible = ok.filter((m) => !ok.some((s) => s !== m && weakerOrEqual(s).has(m)));
  return { notModels, alsoNot, possible };
}
