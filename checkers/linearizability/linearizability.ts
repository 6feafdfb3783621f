import type { Checker } from '../../src/core/checker.js';
import type { History } from '../../src/core/op.js';
import { checkLinearizability } from './check-linearizability.js';
import { LINEARIZABILITY_ANOMALIES } from './linearizability-anomalies.js';
import type { LinearizabilityOptions } from './linearizability-options.js';
import type { LinearizabilityResult } from './linearizability-result.js';

/** The linearizability checker, as a lint-rule-like Checker. */
export const linearizability: Checker<LinearizabilityOptions> = {
  name: 'linearizability',
  description:
    'Every operation appears to take effect at one instant between its invocation and completion, in an order the model allows.',
  anomalies: LINEARIZABILITY_ANOMALIES,
  check: (history: History, options: LinearizabilityOptions): Promise<LinearizabilityResult> =>
    checkLinearizability(history, options),
};
