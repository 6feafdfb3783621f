import type { Completion } from './client.js';
import { FaultlineError } from './errors.js';
import type { Value } from './op.js';

/**
 * The marker of a failed comparison: a `fail` completion of a `cas` whose `error` is exactly this
 * string (EDN `:error :cas-mismatch`) says the register did not hold the expected value. It is the
 * one way a history says so (docs/history-format.md); any other fail tells nothing.
 */
export const CAS_MISMATCH = 'cas-mismatch';

/**
 * How a failed cas without the marker is read: `ignore` (default) drops it, as a fail means only
 * "did not take effect"; `observe` reads a bare fail (no `error`) as a failed comparison, for
 * imported histories whose clients use bare fails for mismatches (some of Jepsen's tests).
 */
export type FailedCasReading = 'ignore' | 'observe';

export const FAILED_CAS_READINGS: readonly FailedCasReading[] = ['ignore', 'observe'];

/** The completion a client returns for a cas whose comparison failed at the database. */
export function casMismatch(value: Value): Completion {
  return { type: 'fail', value, error: CAS_MISMATCH };
}

/** True when a failed cas with this `error` observed that the register lacked the expected value. */
export function failedCasObserves(error: Value | undefined, reading: FailedCasReading): boolean {
  if (error === CAS_MISMATCH) return true;
  return reading === 'observe' && (error === undefined || error === null);
}

/** Checks a `failedCas` option from the library or CLI; throws a FaultlineError naming the value. */
export function validateFailedCas(reading: unknown): FailedCasReading {
  if (reading === undefined) return 'ignore';
  if (FAILED_CAS_READINGS.includes(reading as FailedCasReading)) return reading as FailedCasReading;
  throw new FaultlineError(
    'BAD_ARGUMENT',
    `failedCas must be 'ignore' or 'observe', not ${JSON.stringify(reading)}`,
    {
      hint: "Use failedCas: 'observe' (--failed-cas observe) only for histories whose clients write a bare fail for a cas mismatch; the default 'ignore' drops such fails.",
    },
  );
}
