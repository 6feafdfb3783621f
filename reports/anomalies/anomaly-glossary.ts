/** Plain-language explanations of well-known anomaly ids, shown under a checker's own message. */
export const anomalyGlossary: Readonly<Record<string, string>> = {
  nonlinearizable:
    'No order of these operations, consistent with real time, explains what the clients saw: the register (or other object) behaved as if it were not a single copy.',
  G0: 'Write cycle (dirty write): transactions overwrote each other’s writes in a cycle, so no serial order of their writes exists.',
  G1a: 'Aborted read: a transaction read a value written by a transaction that failed.',
  G1b: 'Intermediate read: a transaction read a value that another transaction overwrote before committing.',
  G1c: 'Circular information flow: transactions read from or overwrote each other in a cycle of write-read/write-write dependencies.',
  'G-single':
    'Read skew: a cycle with exactly one anti-dependency (rw) edge: a transaction missed a write that it should have seen.',
  G2: 'Anti-dependency cycle (write skew): a cycle with two or more rw edges; serializability forbids it.',
  'G2-item': 'Anti-dependency cycle on items (write skew); serializability forbids it.',
  'G-nonadjacent':
    'A cycle whose anti-dependency (rw) edges are never adjacent: snapshot isolation forbids it.',
  'lost-update':
    'Two transactions read the same version and both wrote a new one: one update overwrote the other unseen.',
  'dirty-update': 'A write built on a value from a transaction that aborted.',
  internal:
    'A read after the transaction’s own write of the key did not show that write (read-your-writes within a transaction).',
  'fractured-append':
    'A read showed some of a transaction’s appends to a key but not all, or not together and in order: no version explains it.',
  'incompatible-order':
    'Two reads of one list disagree on the order of its elements: no single version history explains them.',
  ThinAirRead: 'A read returned a value that no write produced (and that is not the initial value).',
  CyclicCO:
    'Causal order has a cycle: an op causally depends on itself (program order plus reads-from loop).',
  WriteCOInitRead: 'A read returned the initial value although a write to its key causally precedes it.',
  WriteCORead: 'A read returned a write that another write to the same key had causally overwritten.',
  CyclicCF: 'No single order of the writes, extending causality, explains every read (causal convergence).',
  WriteHBInitRead:
    'Given its process’s other reads, a write must precede this read, yet it returned the initial value (causal memory).',
  CyclicHB:
    'A process’s reads cannot be explained by one order of the writes they depend on (causal memory).',
  'read-your-writes': 'A read returned a value older than a write its own process had already made.',
  'monotonic-reads': 'A read returned a value older than one an earlier read of the same process returned.',
  'monotonic-writes': 'A read saw a process’s write, then a value older than that process’s earlier write.',
  'writes-follow-reads':
    'A read saw a write, then a value older than what that write’s process had read before it.',
  'too-low': 'A counter read was below every value the counter could have had during the read.',
  'too-high': 'A counter read was above every value the counter could have had during the read.',
  duplicate: 'Two successful operations returned the same id, which must be unique.',
  lost: 'An acknowledged write was never seen by the final read (or never dequeued): the database lost it.',
  unexpected: 'A read returned an element that no one ever tried to add.',
  duplicated: 'An element appeared more than once where the data type forbids it.',
  'wrong-total': 'A read of all accounts did not add up to the total that transfers must preserve.',
  'negative-balance': 'An account balance went negative, which transfers must never allow.',
};
