// The anomaly catalog: every id a checker can emit has exactly one entry, in the checker that emits
// it; results carry the entries of the ids they report; the report's old glossary is gone.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anomalyCatalog } from '../../../checkers/anomaly-catalog.js';
import { CAUSAL_CONSISTENCIES } from '../../../checkers/causal/check-causal.js';
import { checkers, type CheckerName } from '../../../checkers/index.js';
import { checkSet } from '../../../checkers/set/check-set.js';
import { CYCLE_CLASSES } from '../../../checkers/transactional/cycle-classes.js';
import { AXIOM_IDS } from '../../../checkers/transactional/weak-isolation.js';
import { renderReport } from '../../../reports/render-report.js';
import { resultsJson } from '../../../reports/results-json.js';
import type { History } from '../../../src/core/op.js';

const root = resolve(import.meta.dirname, '../../..');

/** The registry name of the checker each folder of checkers/ holds. */
const folderChecker: Record<string, CheckerName> = {
  bank: 'bank',
  causal: 'causal',
  counter: 'counter',
  linearizability: 'linearizability',
  lock: 'lock',
  queue: 'total-queue',
  sequential: 'sequential',
  set: 'set',
  transactional: 'transactional',
  'unique-ids': 'unique-ids',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Literal anomaly ids in a folder's source: `id: 'x'` inside an object that also has a `message`. */
function literalIds(folder: string): Set<string> {
  const ids = new Set<string>();
  for (const file of sources(join(root, 'checkers', folder))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bid: '([^']+)',\s*\n?\s*message/g)) ids.add(m[1]!);
  }
  return ids;
}

/** Ids built at run time, enumerated from the tables that build them. */
const computedIds: Partial<Record<CheckerName, readonly string[]>> = {
  transactional: [...CYCLE_CLASSES.map((c) => c.id), ...Object.values(AXIOM_IDS)],
  causal: CAUSAL_CONSISTENCIES.filter((c) => !c.startsWith('causal')),
  linearizability: ['budget', 'timeout', 'memory'].map((s) => `search-${s}`),
  counter: ['too-low', 'too-high'], // `value < lower ? 'too-low' : 'too-high'`
};

describe('anomaly catalog', () => {
  it('maps every checker folder to a registered checker', () => {
    const folders = readdirSync(join(root, 'checkers')).filter(
      (d) => statSync(join(root, 'checkers', d)).isDirectory() && d !== 'models',
    );
    expect(folders.sort()).toEqual(Object.keys(folderChecker).sort());
  });

  for (const [folder, name] of Object.entries(folderChecker)) {
    it(`${name}: every id it can emit has a catalog entry`, () => {
      const emitted = new Set([...literalIds(folder), ...(computedIds[name] ?? [])]);
      expect(emitted.size).toBeGreaterThan(0);
      const defined = checkers[name].anomalies;
      const missing = [...emitted].filter((id) => !Object.hasOwn(defined, id));
      expect(missing).toEqual([]);
    });
  }

  it('finds the ids the source scan must see (the scan is not vacuous)', () => {
    expect(literalIds('transactional')).toContain('G1a');
    expect(literalIds('causal')).toContain('CyclicCO');
  });

  it('each entry is keyed by its own id and has a name and a description', () => {
    const entries = anomalyCatalog();
    expect(entries.length).toBeGreaterThan(40);
    for (const { checker, kind } of entries) {
      expect(checkers[checker].anomalies[kind.id]).toBe(kind);
      expect(kind.name.length, kind.id).toBeGreaterThan(3);
      expect(kind.description.length, kind.id).toBeGreaterThan(20);
    }
  });

  it('names the transactional models that forbid an anomaly', () => {
    const { G0, 'G2-item': g2 } = checkers.transactional.anomalies;
    expect(G0!.forbiddenBy).toEqual(['read-uncommitted']);
    expect(g2!.forbiddenBy).toEqual(['repeatable-read', 'serializable']);
  });

  it('the report keeps no description of its own', () => {
    expect(existsSync(join(root, 'reports/anomalies/anomaly-glossary.ts'))).toBe(false);
    const reportText = sources(join(root, 'reports'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const copied = anomalyCatalog().filter(({ kind }) => reportText.includes(kind.description.slice(0, 40)));
    expect(copied.map(({ kind }) => kind.id)).toEqual([]);
  });

  const lostAdd: History = [
    { index: 0, time: 0, process: 0, type: 'invoke', f: 'add', value: 1 },
    { index: 1, time: 1, process: 0, type: 'ok', f: 'add', value: 1 },
    { index: 2, time: 2, process: 1, type: 'invoke', f: 'read', value: null },
    { index: 3, time: 3, process: 1, type: 'ok', f: 'read', value: [] },
  ];

  it('a result carries the entries of the ids it reports, and results.json and the report show them', () => {
    const r = checkSet(lostAdd);
    expect(r.anomalies.map((a) => a.id)).toEqual(['lost']);
    expect(r.anomalyKinds).toEqual({ lost: checkers.set.anomalies['lost'] });
    const doc = resultsJson(lostAdd, [r]);
    expect(doc.checkers[0]!.result.anomalyKinds?.['lost']?.description).toBe(
      checkers.set.anomalies['lost']!.description,
    );
    const html = renderReport({ history: lostAdd, results: [r] });
    expect(html).toContain('Lost element: An acknowledged add completed before the final read began');
  });

  it('a valid result with nothing found carries no entries', () => {
    const ok: History = [...lostAdd.slice(0, 3), { ...lostAdd[3]!, value: [1] }];
    expect(checkSet(ok).anomalyKinds).toBeUndefined();
  });
});
