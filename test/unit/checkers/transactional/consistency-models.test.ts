import { describe, expect, it } from 'vitest';
import {
  CONSISTENCY_MODELS,
  MODEL_NAMES,
  TRANSACTIONAL_ANOMALIES,
  classifyModels,
  prohibitedBy,
  transactional,
} from '../../../../checkers/transactional/index.js';
import { history } from '../../../support/history.js';
import { txn } from './txn-builders.js';

const all = new Set(MODEL_NAMES);

describe('anomaly -> weakest models ruled out', () => {
  it.each([
    ['G0', ['read-uncommitted']],
    ['internal', ['read-atomic', 'consistent-view', 'repeatable-read']],
    ['G1a', ['read-committed']],
    ['G1b', ['read-committed']],
    ['G1c', ['read-committed']],
    ['dirty-update', ['read-committed']],
    ['G-single', ['consistent-view', 'repeatable-read']],
    ['G-nonadjacent', ['repeatable-read', 'snapshot-isolation']],
    ['G2-item', ['repeatable-read']],
    ['lost-update', ['repeatable-read', 'snapshot-isolation']],
    ['rc-axiom', ['read-atomic']],
    ['ra-axiom', ['read-atomic']],
    ['cc-axiom', ['causal']],
    ['G0-process', ['causal']],
    ['G1c-process', ['causal']],
    ['G-single-process', ['strong-session-snapshot-isolation']],
    ['G2-item-process', ['strong-session-serializable']],
    ['G1c-realtime', ['strong-snapshot-isolation']],
    ['G-single-realtime', ['strong-snapshot-isolation']],
    ['G2-item-realtime', ['strict-serializable']],
  ])('%s', (id, weakest) => {
    expect(classifyModels(new Set([id]), all).notModels).toEqual(weakest);
  });
});

describe('model lattice', () => {
  it('serializable prohibits everything snapshot isolation and repeatable read do, plus G2-item', () => {
    const ser = prohibitedBy('serializable');
    for (const id of [...prohibitedBy('snapshot-isolation'), ...prohibitedBy('repeatable-read'), 'G2-item']) {
      expect(ser.has(id)).toBe(true);
    }
    expect(ser.has('G2-item-realtime')).toBe(false);
  });

  it('Adya-style models do not include session order; the strong-session ones do', () => {
    expect(prohibitedBy('serializable').has('cc-axiom')).toBe(false);
    expect(prohibitedBy('serializable').has('G0-process')).toBe(false);
    expect(prohibitedBy('strong-session-snapshot-isolation').has('cc-axiom')).toBe(true);
  });

  it('strict serializable is the strongest model: it prohibits every anomaly', () => {
    expect([...prohibitedBy('strict-serializable')].sort()).toEqual(
      Object.keys(TRANSACTIONAL_ANOMALIES).sort(),
    );
  });

  it('every model cites a source and implies only known models', () => {
    for (const m of MODEL_NAMES) {
      expect(CONSISTENCY_MODELS[m].source.length).toBeGreaterThan(5);
      for (const w of CONSISTENCY_MODELS[m].implies) expect(MODEL_NAMES).toContain(w);
    }
  });

  it('write skew leaves strong snapshot isolation as the strongest possible model', () => {
    const r = classifyModels(new Set(['G2-item']), all);
    expect(r.possible).toEqual(['strong-snapshot-isolation']);
    expect(r.alsoNot).toEqual(['serializable', 'strong-session-serializable', 'strict-serializable']);
  });

  it('nothing found: strict serializable is possible', () => {
    expect(classifyModels(new Set(), all).possible).toEqual(['strict-serializable']);
  });

  it('unchecked models are never called possible', () => {
    const checked = new Set(MODEL_NAMES.filter((m) => m !== 'strict-serializable'));
    expect(classifyModels(new Set(), checked).possible).toEqual([
      'strong-session-serializable',
      'strong-snapshot-isolation',
    ]);
  });
});

describe('checker object and results', () => {
  it('lists every anomaly it reports', () => {
    expect(transactional.name).toBe('transactional');
    expect(Object.keys(transactional.anomalies)).toContain('G-single-realtime');
  });

  it('reports models for a valid serializable history: strongest checked ones possible', async () => {
    const h = history(...txn(0, ['append', 'x', 1]), ...txn(1, ['r', 'x', [1]]));
    const r = await transactional.check(h, { workload: 'list-append', consistencyModel: 'serializable' });
    expect(r.valid).toBe(true);
    expect(r['notModels']).toEqual([]);
    // Neither real-time edges nor the session-based axioms run for serializable: stronger models stay unchecked.
    expect(r['possibleModels']).toEqual(['serializable']);
  });

  it('results are JSON-serialisable', () => {
    const h = history(
      ...txn(0, ['r', 'x', []], ['append', 'y', 1]),
      ...txn(1, ['r', 'y', []], ['append', 'x', 1]),
    );
    const r = transactional.check(h, { workload: 'list-append', consistencyModel: 'serializable' });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
