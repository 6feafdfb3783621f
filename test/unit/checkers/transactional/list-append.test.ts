import { describe, expect, it } from 'vitest';
import { checkTransactional, checkWeakIsolation } from '../../../../checkers/transactional/index.js';
import type { History } from '../../../../src/core/op.js';
import { parseEdnHistory } from '../../../../src/history/index.js';
import { history } from '../../../support/history.js';
import { aborted, begin, commit, crashed, txn } from './txn-builders.js';

interface Invalid {
  name: string;
  model?: string;
  history: History;
  /** Anomaly ids that must be reported (others may be too). */
  anomalies: string[];
  /** Anomaly ids that must not be reported. */
  absent?: string[];
  notModels?: string[];
}

const check = (h: History, model = 'serializable', realtime?: boolean) =>
  checkTransactional(h, {
    workload: 'list-append',
    consistencyModel: model,
    ...(realtime === undefined ? {} : { realtime }),
  });

// `allows`: anomalies reported but not prohibited by the model.
const valid: { name: string; model?: string; history: History; allows?: string[] }[] = [
  { name: 'empty history', history: history() },
  {
    name: 'non-repeatable read is allowed by read committed (Adya PL-2 forbids only G1)',
    model: 'read-committed',
    allows: ['G-single'],
    history: history(...txn(1, ['append', 'x', 1]), ...txn(0, ['r', 'x', []], ['r', 'x', [1]])),
  },
  {
    name: 'internal is not a read-committed violation',
    model: 'read-committed',
    allows: ['internal'],
    history: history(...txn(0, ['append', 'x', 1], ['r', 'x', []])),
  },
  { name: 'one txn reads its own append', history: history(...txn(0, ['append', 'x', 1], ['r', 'x', [1]])) },
  {
    name: 'serial appends and reads',
    model: 'strict-serializable',
    history: history(
      ...txn(0, ['append', 'x', 1], ['append', 'y', 1]),
      ...txn(1, ['r', 'x', [1]], ['append', 'x', 2]),
      ...txn(0, ['r', 'x', [1, 2]], ['r', 'y', [1]]),
    ),
  },
  {
    name: 'nil reads are empty lists',
    history: history(...txn(0, ['r', 'x', null]), ...txn(1, ['append', 'x', 1]), ...txn(0, ['r', 'x', [1]])),
  },
  {
    name: 'aborted append never seen',
    history: history(
      ...aborted(0, ['append', 'x', 1]),
      ...txn(1, ['append', 'x', 2]),
      ...txn(1, ['r', 'x', [2]]),
    ),
  },
  {
    name: 'crashed append may be seen',
    history: history(...crashed(0, ['append', 'x', 1]), ...txn(1, ['r', 'x', [1]])),
  },
  {
    name: 'write skew is fine under snapshot isolation',
    model: 'snapshot-isolation',
    allows: ['G2-item'],
    history: history(
      ...txn(0, ['r', 'x', []], ['append', 'y', 1]),
      ...txn(1, ['r', 'y', []], ['append', 'x', 1]),
      ...txn(2, ['r', 'x', [1]], ['r', 'y', [1]]),
    ),
  },
  {
    name: 'stale read is fine for serializable (no real time)',
    history: history(...txn(0, ['append', 'x', 1]), ...txn(1, ['r', 'x', []]), ...txn(2, ['r', 'x', [1]])),
  },
  {
    name: 'concurrent txns may be ordered either way under strict serializability',
    model: 'strict-serializable',
    history: history(
      begin(0, ['append', 'x', 1]),
      begin(1, ['r', 'x', []]),
      commit(0, ['append', 'x', 1]),
      commit(1, ['r', 'x', []]),
      ...txn(2, ['r', 'x', [1]]),
    ),
  },
];

const invalid: Invalid[] = [
  {
    name: 'G0: writes interleave in opposite orders on two keys',
    model: 'read-uncommitted',
    history: history(
      ...txn(0, ['append', 'x', 1], ['append', 'y', 1]),
      ...txn(1, ['append', 'x', 2], ['append', 'y', 2]),
      ...txn(2, ['r', 'x', [1, 2]], ['r', 'y', [2, 1]]),
    ),
    anomalies: ['G0'],
    notModels: ['read-uncommitted'],
  },
  {
    name: 'G1a: aborted append read',
    model: 'read-committed',
    history: history(...aborted(0, ['append', 'x', 1]), ...txn(1, ['r', 'x', [1]])),
    anomalies: ['G1a'],
    notModels: ['read-committed'],
  },
  {
    name: 'G1b: intermediate append read',
    model: 'read-committed',
    history: history(...txn(0, ['append', 'x', 1], ['append', 'x', 2]), ...txn(1, ['r', 'x', [1]])),
    anomalies: ['G1b'],
  },
  {
    name: 'G1c: each txn reads the other',
    model: 'read-committed',
    history: history(
      ...txn(0, ['append', 'x', 1], ['r', 'y', [1]]),
      ...txn(1, ['append', 'y', 1], ['r', 'x', [1]]),
    ),
    anomalies: ['G1c'],
    absent: ['G0'],
    notModels: ['read-committed'],
  },
  {
    name: 'G-single: read skew',
    model: 'snapshot-isolation',
    history: history(
      ...txn(0, ['append', 'x', 1], ['append', 'y', 1]),
      ...txn(1, ['r', 'x', []], ['r', 'y', [1]]),
      ...txn(2, ['r', 'x', [1]]),
    ),
    anomalies: ['G-single'],
    absent: ['G1c', 'G2-item', 'ra-axiom'],
  },
  {
    name: 'fractured read rules out read atomic',
    model: 'read-atomic',
    history: history(
      ...txn(0, ['append', 'x', 1], ['append', 'y', 1]),
      ...txn(1, ['r', 'x', []], ['r', 'y', [1]]),
      ...txn(2, ['r', 'x', [1]]),
    ),
    anomalies: ['ra-axiom'],
    notModels: ['read-atomic', 'consistent-view', 'repeatable-read'],
  },
  {
    name: 'G2-item: write skew',
    history: history(
      ...txn(0, ['r', 'x', []], ['append', 'y', 1]),
      ...txn(1, ['r', 'y', []], ['append', 'x', 1]),
      ...txn(2, ['r', 'x', [1]], ['r', 'y', [1]]),
    ),
    anomalies: ['G2-item'],
    absent: ['G-single', 'G-nonadjacent'],
    notModels: ['repeatable-read'],
  },
  {
    name: 'G-nonadjacent: two rw edges separated by wr edges',
    model: 'snapshot-isolation',
    history: history(
      ...txn(0, ['r', 'a', []], ['r', 'd', [1]]),
      ...txn(1, ['append', 'a', 1], ['append', 'b', 1]),
      ...txn(2, ['r', 'b', [1]], ['r', 'c', []]),
      ...txn(3, ['append', 'c', 1], ['append', 'd', 1]),
      ...txn(4, ['r', 'a', [1]], ['r', 'c', [1]]),
    ),
    anomalies: ['G-nonadjacent'],
    absent: ['G-single', 'G2-item'],
    notModels: ['repeatable-read', 'snapshot-isolation'],
  },
  {
    name: 'internal: a read misses the txn’s own append (read atomic forbids it, Cerone’s INT)',
    model: 'read-atomic',
    history: history(...txn(0, ['append', 'x', 1], ['r', 'x', []])),
    anomalies: ['internal'],
  },
  {
    name: 'non-repeatable read: an ordinary anti-dependency, G-single',
    model: 'snapshot-isolation',
    history: history(...txn(1, ['append', 'x', 1]), ...txn(0, ['r', 'x', []], ['r', 'x', [1]])),
    anomalies: ['G-single'],
  },
  {
    name: 'future read: reads its own later append',
    model: 'read-uncommitted',
    history: history(...txn(0, ['r', 'x', [1]], ['append', 'x', 1])),
    anomalies: ['future-read'],
  },
  {
    name: 'duplicate elements',
    model: 'read-uncommitted',
    history: history(...txn(0, ['append', 'x', 1]), ...txn(1, ['r', 'x', [1, 1]])),
    anomalies: ['duplicate-elements'],
  },
  {
    name: 'incompatible order',
    model: 'read-uncommitted',
    history: history(
      ...txn(0, ['append', 'x', 1]),
      ...txn(1, ['append', 'x', 2]),
      ...txn(2, ['r', 'x', [1, 2]]),
      ...txn(3, ['r', 'x', [2, 1]]),
    ),
    anomalies: ['incompatible-order'],
  },
  {
    name: 'dirty update: committed append after an aborted one',
    model: 'read-committed',
    history: history(
      ...aborted(0, ['append', 'x', 1]),
      ...txn(1, ['append', 'x', 2]),
      ...txn(2, ['r', 'x', [1, 2]]),
    ),
    anomalies: ['dirty-update', 'G1a'],
  },
  {
    name: 'orders skip aborted appends: G-single past an aborted element',
    model: 'snapshot-isolation',
    history: history(
      ...txn(0, ['append', 'x', 1]),
      ...aborted(1, ['append', 'x', 2]),
      ...txn(2, ['append', 'x', 3], ['append', 'y', 1]),
      ...txn(3, ['r', 'x', [1]], ['r', 'y', [1]]),
      ...txn(4, ['r', 'x', [1, 2, 3]]),
    ),
    anomalies: ['G-single', 'G1a', 'dirty-update'],
  },
  {
    name: 'lost update: both read [] then append',
    model: 'snapshot-isolation',
    history: history(
      ...txn(0, ['r', 'x', []], ['append', 'x', 1]),
      ...txn(1, ['r', 'x', []], ['append', 'x', 2]),
      ...txn(2, ['r', 'x', [1, 2]]),
    ),
    anomalies: ['lost-update', 'G-single'],
  },
  {
    name: 'garbage read',
    model: 'read-uncommitted',
    history: history(...txn(0, ['r', 'x', [9]])),
    anomalies: ['garbage-read'],
  },
  {
    name: 'G0-process: a process’s later append lands first',
    model: 'strong-session-snapshot-isolation',
    history: history(
      ...txn(0, ['append', 'x', 2]),
      ...txn(0, ['append', 'x', 1]),
      ...txn(1, ['r', 'x', [1, 2]]),
    ),
    anomalies: ['G0-process'],
    absent: ['G0'],
    // Biswas & Enea's read atomic already orders commits after session order.
    notModels: ['read-atomic'],
  },
  {
    name: 'G-single-process: a process does not see its own earlier append',
    model: 'strong-session-serializable',
    history: history(...txn(0, ['append', 'x', 1]), ...txn(0, ['r', 'x', []]), ...txn(1, ['r', 'x', [1]])),
    anomalies: ['G-single-process', 'ra-axiom'],
    notModels: ['read-atomic'],
  },
  {
    name: 'G1c-process: a process reads what its own later txn appends',
    model: 'strong-session-snapshot-isolation',
    history: history(...txn(0, ['r', 'y', [1]]), ...txn(0, ['append', 'y', 1])),
    anomalies: ['G1c-process'],
    absent: ['G1c'],
  },
  {
    name: 'G2-item-process: write skew closed by process order',
    model: 'strong-session-serializable',
    history: history(
      ...txn(0, ['append', 'y', 1]),
      ...txn(0, ['r', 'x', []]),
      ...txn(1, ['r', 'y', []], ['append', 'x', 1]),
      ...txn(2, ['r', 'x', [1]], ['r', 'y', [1]]),
    ),
    anomalies: ['G2-item-process'],
    absent: ['G2-item'],
  },
  {
    name: 'G2-item-realtime: write skew closed by real-time order',
    model: 'strict-serializable',
    history: history(
      begin(1, ['r', 'y', []], ['append', 'x', 1]),
      ...txn(2, ['append', 'y', 1]),
      ...txn(0, ['r', 'x', []]),
      commit(1, ['r', 'y', []], ['append', 'x', 1]),
      ...txn(3, ['r', 'x', [1]], ['r', 'y', [1]]),
    ),
    anomalies: ['G2-item-realtime'],
    absent: ['G2-item', 'G2-item-process'],
    notModels: ['strict-serializable'],
  },
  {
    name: 'G-single-realtime: stale read after a completed append',
    model: 'strict-serializable',
    history: history(...txn(0, ['append', 'x', 1]), ...txn(1, ['r', 'x', []]), ...txn(2, ['r', 'x', [1]])),
    anomalies: ['G-single-realtime'],
    absent: ['G-single', 'G-single-process'],
    notModels: ['strong-snapshot-isolation'],
  },
  {
    name: 'G0-realtime: appends land against real time',
    model: 'strict-serializable',
    history: history(
      ...txn(0, ['append', 'x', 1]),
      ...txn(1, ['append', 'x', 2]),
      ...txn(2, ['r', 'x', [2, 1]]),
    ),
    anomalies: ['G0-realtime'],
  },
  {
    name: 'G1c-realtime: a later txn is read by an earlier one',
    model: 'strict-serializable',
    history: history(begin(0, ['r', 'y', [1]]), commit(0, ['r', 'y', [1]]), ...txn(1, ['append', 'y', 1])),
    anomalies: ['G1c-realtime'],
  },
];

describe('transactional list-append: valid histories', () => {
  it.each(valid)('$name', ({ history: h, model, allows }) => {
    const r = check(h, model);
    expect(r.anomalies.map((a) => a.id)).toEqual(allows ?? []);
    expect(r.valid).toBe(true);
  });
});

describe('transactional list-append: anomalies', () => {
  it.each(invalid)('$name', ({ history: h, model, anomalies, absent, notModels }) => {
    const r = check(h, model);
    const ids = r.anomalies.map((a) => a.id);
    for (const id of anomalies) expect(ids, JSON.stringify(r.anomalies, null, 1)).toContain(id);
    for (const id of absent ?? []) expect(ids).not.toContain(id);
    expect(r.valid).toBe(false);
    if (notModels) expect(r['notModels']).toEqual(notModels);
    for (const a of r.anomalies) {
      expect(a.message.length).toBeGreaterThan(20);
      expect(a.ops?.length).toBeGreaterThan(0);
    }
  });
});

describe('cycle explanations', () => {
  it('names each edge with its reason, in order', () => {
    const h = history(
      ...txn(0, ['append', 'x', 1], ['append', 'y', 1]),
      ...txn(1, ['r', 'x', []], ['r', 'y', [1]]),
      ...txn(2, ['r', 'x', [1]]),
    );
    const g = check(h).anomalies.find((a) => a.id === 'G-single')!;
    expect(g.cycle).toEqual([
      {
        txn: 2,
        edge: 'rw',
        to: 0,
        key: 'x',
        reason: expect.stringContaining("misses T0's append of 1") as unknown,
      },
      {
        txn: 0,
        edge: 'wr',
        to: 2,
        key: 'y',
        reason: expect.stringContaining('T2 read T0\'s append of 1 to key "y"') as unknown,
      },
    ]);
    expect(g.message).toMatch(/^G-single: .*so T2 < T0; .*so T0 < T2\. So T2 < T2/);
  });
});

describe('EDN-shaped micro-ops', () => {
  it('reads keywords-as-strings micro-ops with numeric keys (G1c)', () => {
    // [:append 3 2] [:r 4 [1]] and [:append 4 1] [:r 3 [2]], as the EDN reader returns them.
    const h: History = [
      {
        index: 0,
        type: 'invoke',
        process: 0,
        f: 'txn',
        value: [
          ['append', 3, 2],
          ['r', 4, null],
        ],
        time: 0,
      },
      {
        index: 1,
        type: 'invoke',
        process: 1,
        f: 'txn',
        value: [
          ['append', 4, 1],
          ['r', 3, null],
        ],
        time: 1,
      },
      {
        index: 2,
        type: 'ok',
        process: 0,
        f: 'txn',
        value: [
          ['append', 3, 2],
          ['r', 4, [1]],
        ],
        time: 2,
      },
      {
        index: 3,
        type: 'ok',
        process: 1,
        f: 'txn',
        value: [
          ['append', 4, 1],
          ['r', 3, [2]],
        ],
        time: 3,
      },
    ];
    const r = check(h, 'read-committed');
    expect(r.valid).toBe(false);
    expect(r.anomalyTypes).toEqual(['G1c']);
    expect(r.anomalies[0]!.message).toContain("T1 read T0's append of 2 to key 3");
  });

  it('checks a Jepsen EDN history read by the EDN reader', () => {
    const edn = [
      '{:type :invoke, :f :txn, :value [[:append 7 3] [:r 8 nil]], :process 0, :time 1, :index 0}',
      '{:type :invoke, :f :txn, :value [[:append 8 1] [:r 7 nil]], :process 1, :time 2, :index 1}',
      '{:type :ok, :f :txn, :value [[:append 7 3] [:r 8 [1]]], :process 0, :time 3, :index 2}',
      '{:type :ok, :f :txn, :value [[:append 8 1] [:r 7 [3]]], :process 1, :time 4, :index 3}',
    ].join('\n');
    const r = check(parseEdnHistory(edn), 'read-committed');
    expect(r.anomalyTypes).toEqual(['G1c']);
    expect(r.anomalies[0]!.message).toContain("T1 read T0's append of 3 to key 7");
  });

  it('rejects a micro-op that is not list-append', () => {
    expect(() => check(history(...txn(0, ['w', 'x', 1])))).toThrow(/micro-op/);
  });
});

describe('options', () => {
  it('rejects an unknown model, naming the known ones', () => {
    expect(() => check(history(), 'serialisable')).toThrow(/unknown consistency model/);
  });

  it('turning real time off for a real-time model gives unknown, not valid', () => {
    const r = check(history(...txn(0, ['append', 'x', 1])), 'strict-serializable', false);
    expect(r.valid).toBe('unknown');
    expect(r.unknownReason).toMatch(/real-time/);
  });

  it('a budget cut gives unknown with how far it got', () => {
    const h = history(
      ...txn(0, ['r', 'x', []], ['append', 'y', 1]),
      ...txn(1, ['r', 'y', []], ['append', 'x', 1]),
      ...txn(2, ['r', 'x', [1]], ['r', 'y', [1]]),
    );
    const r = checkTransactional(h, { workload: 'list-append', consistencyModel: 'serializable', budget: 1 });
    expect(r.valid).toBe('unknown');
    expect(r.unknownReason).toMatch(/budget of 1 steps/);
  });
});

describe('appends no read shows', () => {
  // T0's append of 9 is never read; T1 (same process, later) appended 2, which T2 read alone.
  const h = history(...txn(0, ['append', 'x', 9]), ...txn(0, ['append', 'x', 2]), ...txn(1, ['r', 'x', [2]]));

  it('come after every observed append in the version order (G0-process here)', () => {
    const r = check(h, 'causal');
    expect(r.anomalyTypes).toContain('G0-process');
    expect(r.valid).toBe(false);
  });

  // A key is one sequence of appends whose order is the commit order of their writers (the
  // axiomatic oracle's definition): 9 follows 2, so T1 commits before T0, against session order.
  // Read atomic orders commits after session order too, so it is ruled out as well as causal.
  it('order commits for read atomic too: the sequence follows commit order', () => {
    expect(checkWeakIsolation(h, { workload: 'list-append', level: 'read-atomic' }).valid).toBe(false);
    expect(checkWeakIsolation(h, { workload: 'list-append', level: 'causal' }).valid).toBe(false);
  });
});

describe('several appends no read shows, to one key', () => {
  // No read shows key k, so the order of T0's and T1's appends to it is open. T1 read j before T0
  // appended to it (rw T1 -> T0); T2 read T0's append (wr T0 -> T2). The serial order T1, T0, T2
  // fits, with 2 before 1 in k. Ranking by ww and wr alone ties T0 and T1 and puts T0 first,
  // whose completion (1 before 2) closes T0 -ww-> T1 -rw-> T0: a full order must follow the rw edge.
  const h = history(
    ...txn(0, ['append', 'k', 1], ['append', 'j', 1]),
    ...txn(1, ['r', 'j', []], ['append', 'k', 2]),
    ...txn(2, ['r', 'j', [1]]),
  );

  it('are ordered along the rw edges when that is what a serial order needs', () => {
    const r = check(h);
    expect(r.anomalies).toEqual([]);
    expect(r.valid).toBe(true);
  });
});
