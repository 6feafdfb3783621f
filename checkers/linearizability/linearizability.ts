import type { Checker } from '../../src/core/checker.js';
import type { History } from '../../src/core/op.js';
import { checkLinearizability } from './check-linearizability.js';
import type { LinearizabilityOptions } from './linearizability-options.js';
import type { LinearizabilityResult } from './linearizability-result.js';

/** The linearizability checker, as a lint-rule-like Checker. */
export const linearizability: Checker<LinearizabilityOptions> = {
  name: 'linearizability',
  description:
    'Every operation appears to take effect at one instant between its invocation and completion, in an order the model allows.',
  anomalies: {
    nonlinearizable:
      'No order of the operations (of one key) fits both real time and the model; a shrunk counterexample is attached.',
    'search-budget': 'The search explored its budget of states without deciding; the verdict is unknown.',
    'search-timeout': 'The time limit ran out before the search decided; the verdict is unknown.',
    'search-memory':
      'One of the search tables reached its memory cap before the search decided; the verdict is unknown.',
  },
  check: (history: History, options: LinearizabilityOptions): Promise<LinearizabilityResult> =>
    checkLinearizability(history, options),
};
