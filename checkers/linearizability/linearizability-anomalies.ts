import { anomalyKinds } from '../../src/core/anomaly-kind.js';

/** Every anomaly id the linearizability checker can report: the one place each is defined. */
export const LINEARIZABILITY_ANOMALIES = anomalyKinds([
  {
    id: 'nonlinearizable',
    name: 'not linearizable',
    description:
      'No order of these operations, consistent with real time, explains what the clients saw: the register (or other object) behaved as if it were not a single copy.',
    forbiddenBy: ['linearizable'],
  },
  {
    id: 'search-budget',
    name: 'search budget spent',
    description: 'The search explored its budget of states without deciding; the verdict is unknown.',
  },
  {
    id: 'search-timeout',
    name: 'search timed out',
    description: 'The time limit ran out before the search decided; the verdict is unknown.',
  },
  {
    id: 'search-memory',
    name: 'search memory cap',
    description:
      'One of the search tables reached its memory cap before the search decided; the verdict is unknown.',
  },
]);
