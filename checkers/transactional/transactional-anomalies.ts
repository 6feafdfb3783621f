import { anomalyKinds, type AnomalyKind } from '../../src/core/anomaly-kind.js';
import { CONSISTENCY_MODELS } from './consistency-models.js';

/** The models that name `id` among what they prohibit directly (stronger ones prohibit it too). */
function forbiddenBy(id: string): string[] {
  return Object.entries(CONSISTENCY_MODELS)
    .filter(([, m]) => (m.prohibits as readonly string[]).includes(id))
    .map(([name]) => name);
}

const kind = (id: string, name: string, description: string): AnomalyKind => ({
  id,
  name,
  description,
  forbiddenBy: forbiddenBy(id),
});

const CYCLES: readonly (readonly [id: string, name: string, description: string])[] = [
  [
    'G0',
    'write cycle',
    'Transactions overwrote each other’s writes in a cycle (ww edges only, a dirty write), so no serial order of their writes exists.',
  ],
  [
    'G1c',
    'circular information flow',
    'Transactions read from or overwrote each other in a cycle of write-read and write-write dependencies, with at least one wr edge.',
  ],
  [
    'G-single',
    'read skew',
    'A dependency cycle with exactly one anti-dependency (rw) edge: a transaction missed a write that it should have seen.',
  ],
  [
    'G-nonadjacent',
    'non-adjacent anti-dependency cycle',
    'A dependency cycle with two or more anti-dependency (rw) edges, no two of them adjacent: snapshot isolation forbids it.',
  ],
  [
    'G2-item',
    'write skew',
    'A dependency cycle with two or more anti-dependency (rw) edges, some of them adjacent: serializability forbids it.',
  ],
];

const VARIANTS: readonly (readonly [suffix: string, through: string])[] = [
  ['-process', 'process (session) order'],
  ['-realtime', 'real-time order'],
];

/** Every anomaly id the transactional checker can report: the one place each is defined. */
export const TRANSACTIONAL_ANOMALIES = anomalyKinds([
  ...CYCLES.map(([id, name, description]) => kind(id, name, description)),
  ...VARIANTS.flatMap(([suffix, through]) =>
    CYCLES.map(([id, name, description]) =>
      kind(
        id + suffix,
        `${name} with ${through}`,
        `${description} Here the cycle also needs ${through} edges, so only models that respect ${through} rule it out.`,
      ),
    ),
  ),
  kind('G1a', 'aborted read', 'A committed transaction read a value written by a transaction that failed.'),
  kind(
    'G1b',
    'intermediate read',
    'A transaction read a version that its writer overwrote later within the same transaction, before committing.',
  ),
  kind(
    'internal',
    'internal inconsistency',
    'A read after the transaction’s own write of the key did not show that write (read-your-writes within a transaction).',
  ),
  kind(
    'future-read',
    'future read',
    'A transaction read a value that it writes only later in the same transaction.',
  ),
  kind(
    'dirty-update',
    'dirty update',
    'A committed write was ordered after (built on) a write of a transaction that aborted.',
  ),
  kind(
    'duplicate-elements',
    'duplicate elements',
    'A read showed a value that was appended once more than once.',
  ),
  kind(
    'incompatible-order',
    'incompatible order',
    'Two reads of one list disagree on the order of its elements: no single version history explains them.',
  ),
  kind(
    'fractured-append',
    'fractured append',
    'A read showed some of a transaction’s appends to a key but not all, or not together and in order: no version explains it.',
  ),
  kind(
    'lost-update',
    'lost update',
    'Several committed transactions read the same version of a key and all wrote a new one: one update overwrote another unseen.',
  ),
  kind('cyclic-versions', 'cyclic versions', 'The known version orders of a key form a cycle.'),
  kind('garbage-read', 'garbage read', 'A read returned a value that no transaction wrote.'),
  kind(
    'rc-axiom',
    'read committed axiom',
    'A read ignored a write that was visible to an earlier read of its transaction (Biswas & Enea’s read committed).',
  ),
  kind(
    'ra-axiom',
    'fractured read',
    'A transaction saw part of another transaction’s writes but not all of them (read atomic axiom).',
  ),
  kind('cc-axiom', 'causality violation', 'A read ignored a write that happens before it (causal axiom).'),
]);
