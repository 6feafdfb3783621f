import type { CheckResult } from '../../src/core/checker.js';
import type { History } from '../../src/core/op.js';
import type { WorkloadCheck } from '../../src/core/workload.js';
import { checkLinearizability } from '../../checkers/linearizability/check-linearizability.js';
import { checkSequential } from '../../checkers/sequential/check-sequential.js';

/** How long the linearizability check beside a sequential promise may search (as the register workload's own). */
const LINEARIZABILITY_TIMEOUT_MS = 120_000;

/**
 * The sequential verdict, carrying what the linearizability check found as findings the promise
 * allows (`consistencyModel`, `anomalyCounts`, `possibleModels`: the fields reports show as
 * "valid for sequential; found nonlinearizable (allowed)"). A stale read is not linearizable but
 * is sequentially consistent, so it never turns the run invalid here.
 */
export function withAllowedNonlinearizable(
  sequential: CheckResult,
  linearizability: CheckResult,
): CheckResult {
  const refuted = linearizability.valid === false;
  const found = refuted ? linearizability.anomalies.filter((a) => a.id === 'nonlinearizable') : [];
  // The allowed findings are explained by the linearizability checker's catalog entries.
  const anomalyKinds = {
    ...sequential.anomalyKinds,
    ...(found.length > 0 ? linearizability.anomalyKinds : {}),
  };
  return {
    ...sequential,
    ...(Object.keys(anomalyKinds).length > 0 ? { anomalyKinds } : {}),
    consistencyModel: 'sequential',
    anomalyCounts: found.length > 0 ? { nonlinearizable: found.length } : {},
    possibleModels:
      sequential.valid !== true ? [] : linearizability.valid === true ? ['linearizable'] : ['sequential'],
    linearizability: {
      valid: linearizability.valid,
      anomalies: found,
      ...(linearizability.unknownReason ? { unknownReason: linearizability.unknownReason } : {}),
    },
  };
}

/**
 * The register check for a system whose single objects promise sequential consistency (e.g.
 * ZooKeeper reading from followers without sync): sequential consistency is the verdict, and
 * linearizability is checked too, reported as allowed findings.
 */
export const sequentialAsPromised: WorkloadCheck = {
  name: 'sequential',
  async check(history: History): Promise<CheckResult> {
    const sequential = checkSequential(history, { model: 'cas-register', independent: true });
    const linearizability = await checkLinearizability(history, {
      model: 'cas-register',
      independent: true,
      timeoutMs: LINEARIZABILITY_TIMEOUT_MS,
    });
    return withAllowedNonlinearizable(sequential, linearizability);
  },
};
