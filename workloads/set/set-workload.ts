import type { Workload } from '../../src/core/workload.js';
import { checkSet } from '../../checkers/set/check-set.js';
import { cycle } from '../../src/generator/cycle.js';
import { once } from '../../src/generator/from-ops.js';
import { phases } from '../../src/generator/phases.js';
import { sleep } from '../../src/generator/sleep.js';
import { untilOk } from '../../src/generator/until-ok.js';
import { setAdds } from './set-adds.js';

/** Final read attempts after healing, one per second, until one succeeds. */
const FINAL_READ_ATTEMPTS = 10;

/**
 * A grow-only set: unique adds during the faults, then, on the healed cluster, a final read
 * (retried until it succeeds) that must contain every acknowledged add: lost and unexpected elements.
 */
export const setWorkload: Workload = {
  name: 'set',
  description:
    'adds unique integers, then reads the whole set after healing; finds lost and unexpected elements',
  generator: () => setAdds(),
  finalGenerator: () =>
    untilOk(cycle(() => phases(once({ f: 'read', value: null }), sleep(1e9)), FINAL_READ_ATTEMPTS)),
  checkers: () => [{ name: 'set', check: (history) => checkSet(history) }],
};
