import { describe, expect } from 'vitest';
import { patroniSystem } from '../../../../systems/patroni/patroni-system.js';
import { setWorkload } from '../../../../workloads/set/set-workload.js';
import { itFaultedRun } from '../it-faulted-run.js';

describe('patroni (real Patroni 3.0 + PostgreSQL 15 + etcd 3.4 in Docker)', () => {
  itFaultedRun(
    'set on the current primary under partitions of the primary and kills of PostgreSQL: ops name their node, a final read is checked',
    'patroni set partition,kill',
    {
      system: patroniSystem,
      workload: setWorkload,
      nemesis: ['partition', 'kill'],
      // The primary's own partition (it demotes itself once it loses the DCS), kills of a majority.
      nemesisOptions: { partitionModes: ['primary'], targets: ['majority'] },
      nodes: 3,
      concurrency: 6,
      timeLimitS: 28,
      nemesisIntervalS: 4,
      seed: 2,
      rate: 40,
      systemOptions: { isolation: 'serializable', synchronousMode: 'off', faultProcess: 'postgres' },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(10);
      const nodes = new Set(['n1', 'n2', 'n3']);
      const oks = r.history.filter((o) => o.process !== 'nemesis' && o.type === 'ok');
      // Every acknowledged op names the primary that served it.
      expect(oks.every((o) => typeof o.node === 'string' && nodes.has(o.node))).toBe(true);
      const primaries = r.history.filter(
        (o) =>
          o.process === 'nemesis' &&
          o.type === 'info' &&
          Array.isArray((o.value as { primaries?: unknown })?.primaries),
      );
      expect(primaries.length).toBeGreaterThan(0);
      expect(r.history.filter((o) => o.f === 'read' && o.type === 'ok')).toHaveLength(1);
      const set = r.outcome.results.find((c) => c.checker === 'set');
      // An ok final read after healing: lost elements are judged, so the verdict is not unknown.
      expect(set?.valid).not.toBe('unknown');
    },
    (r) => {
      const served = new Map<string, number>();
      for (const o of r.history)
        if (o.type === 'ok' && o.node) served.set(o.node, (served.get(o.node) ?? 0) + 1);
      return ` okDuringFaults=${r.okDuringFaults} served=${JSON.stringify(Object.fromEntries(served))}`;
    },
  );
});
