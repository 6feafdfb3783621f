/** Every anomaly id the transactional checker can report, with a one-line explanation. */
export const TRANSACTIONAL_ANOMALIES: Readonly<Record<string, string>> = {
  G0: 'write cycle: transactions overwrite each other in a cycle (ww edges only)',
  G1a: 'aborted read: a committed transaction read a write of an aborted one',
  G1b: 'intermediate read: a transaction read a version its writer later overwrote within the same transaction',
  G1c: 'circular information flow: a cycle of ww and wr edges with at least one wr',
  'G-single': 'read skew: a dependency cycle with exactly one anti-dependency (rw) edge',
  'G-nonadjacent': 'a dependency cycle with two or more rw edges, no two of them adjacent',
  'G2-item': 'write skew and kin: a dependency cycle with two or more rw edges, some adjacent',
  internal:
    'a read after the transaction’s own write does not show that write (read-your-writes within a transaction)',
  'future-read': 'a transaction read a value it writes only later in the same transaction',
  'dirty-update': 'a committed write was ordered after (built on) an aborted write',
  'duplicate-elements': 'a read showed a value appended once more than once',
  'incompatible-order': 'two reads of a list disagree on the order of its elements',
  'fractured-append':
    'a read shows some of a transaction’s appends to a key but not all, or not together and in order',
  'lost-update': 'several committed transactions read the same version of a key and all wrote it',
  'cyclic-versions': 'the known version orders of a key form a cycle',
  'garbage-read': 'a read returned a value no transaction wrote',
  'rc-axiom':
    'read committed axiom (Biswas & Enea): a read ignored a write visible to an earlier read of its transaction',
  'ra-axiom':
    'fractured read (read atomic axiom): a transaction saw part of another transaction but not all of it',
  'cc-axiom': 'causality violation: a read ignored a write that happens before it',
  ...Object.fromEntries(
    ['G0', 'G1c', 'G-single', 'G-nonadjacent', 'G2-item'].flatMap((id) => [
      [`${id}-process`, `${id} through process (session) order edges`],
      [`${id}-realtime`, `${id} through real-time order edges`],
    ]),
  ),
};
