// An owner-aware lock written from its definition for tests, sharing no code with checkers/models:
// the state is the list of holders (at most one); an acquire needs none, a release needs its owner.
import type { Model, ModelOp } from '../../../../src/core/model.js';
import type { Value } from '../../../../src/core/op.js';

const ownerOf = (v: Value): string => JSON.stringify(Array.isArray(v) ? (v[0] ?? null) : v);

/** The reference lock: state '' when free, else the JSON of its holder. */
export const referenceMutex: Model<string> = {
  name: 'reference-mutex',
  description: 'test oracle',
  fs: ['acquire', 'release'],
  init: () => '',
  step(state, op: ModelOp) {
    const owner = ownerOf(op.value);
    let next: string | null;
    if (op.f === 'acquire') next = state === '' ? owner : null;
    else if (state !== '' && (state === 'null' || owner === 'null' || state === owner)) next = '';
    else next = null;
    // A crashed op that cannot take effect leaves the state as it is (it never happened).
    return next === null && op.crashed ? state : next;
  },
  hash: (s) => s,
  show: (s) => s,
  validate: () => undefined,
  isReadOnly: () => false,
};
