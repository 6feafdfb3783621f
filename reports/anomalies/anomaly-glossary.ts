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
  lost: 'An acknowledged write was never seen by the final read: the database lost it.',
  unexpected: 'A read returned an element that no one ever tried to add.',
  duplicated: 'An element appeared more than once where the data type forbids it.',
  'wrong-total': 'A read of all accounts did not add up to the total that transfers must preserve.',
  'negative-balance': 'An account balance went negative, which transfers must never allow.',
};
