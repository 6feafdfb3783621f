import type { Model, ModelFactory } from '../../src/core/model.js';

/** A lock: an ok `acquire` needs it free, an ok `release` needs it held. A crashed one does what it can. */
export const mutex: ModelFactory = (): Model<boolean> => ({
  name: 'mutex',
  description: 'A mutex: acquire succeeds only when free, release only when held.',
  fs: ['acquire', 'release'],
  init: () => false,
  step: (locked, op) => {
    if (op.f === 'acquire') return locked ? (op.crashed ? locked : null) : true;
    return locked ? false : op.crashed ? locked : null;
  },
  hash: (locked) => (locked ? 'held' : 'free'),
  show: (locked) => (locked ? 'held' : 'free'),
  validate: (f) =>
    f === 'acquire' || f === 'release' ? undefined : `mutex ops are acquire and release, not ${f}`,
  isReadOnly: () => false,
});
