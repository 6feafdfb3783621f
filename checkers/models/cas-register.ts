import type { Model, ModelFactory, ModelOp, ModelOptions } from '../../src/core/model.js';
import { failedCasObserves, validateFailedCas } from '../../src/core/failed-cas.js';
import type { Value } from '../../src/core/op.js';
import { isPair } from './check-pair.js';
import { stepReadWrite, type RegisterState } from './register.js';
import { valueEquals, valueKey } from './value-key.js';

/** The read-only op a failed cas becomes: the register did not hold the expected value. */
export const CAS_FAILED = 'cas-failed';

/** Steps a cas (ok, crashed, or failed comparison); null when impossible. */
function stepCas(state: RegisterState, op: ModelOp): RegisterState | null {
  const [expected, next] = op.value as [Value, Value];
  const holds = valueEquals(state.value, expected);
  if (op.f === CAS_FAILED) return holds ? null : state;
  if (holds) return valueEquals(next, state.value) ? state : { value: next };
  // A crashed cas whose comparison fails leaves the register as it was; an ok one is impossible.
  return op.crashed ? state : null;
}

/**
 * A register with compare-and-set: `cas [old new]` succeeds only when the register holds old. A
 * fail means only that the op did not take effect (Knossos), so it is dropped, unless it is marked
 * `error: 'cas-mismatch'`: then the comparison failed, and the register did not hold old at some
 * point in its interval. `failedCas: 'observe'` reads a bare fail (no `error`) that way too
 * (Porcupine's reading, for clients that write bare fails for mismatches).
 */
export const casRegister: ModelFactory = (options: ModelOptions = {}): Model<RegisterState> => {
  const nilReadsUnknown = options.nilReadsUnknown ?? false;
  const reading = validateFailedCas(options.failedCas);
  return {
    name: 'cas-register',
    description: 'A register with read, write and compare-and-set ([old new]).',
    fs: ['read', 'write', 'cas'],
    init: () => ({ value: options.initial ?? null }),
    step: (state, op) =>
      op.f === 'cas' || op.f === CAS_FAILED ? stepCas(state, op) : stepReadWrite(state, op, nilReadsUnknown),
    hash: (state) => valueKey(state.value),
    show: (state) => valueKey(state.value),
    validate: (f, value, type) => {
      if (f === 'read' || f === 'write') return undefined;
      if (f !== 'cas') return `cas-register ops are read, write and cas, not ${f}`;
      if (type !== 'fail' && type !== 'info' && !isPair(value))
        return `a cas value is [old new], not ${valueKey(value)}`;
      return undefined;
    },
    isReadOnly: (op) => op.f === 'read' || op.f === CAS_FAILED,
    failedOp: (f, invoked, error) =>
      f === 'cas' && failedCasObserves(error, reading) && isPair(invoked)
        ? { f: CAS_FAILED, value: invoked, crashed: false }
        : undefined,
    written: (op) =>
      op.f === 'write'
        ? { value: op.value }
        : op.f === 'cas'
          ? { value: (op.value as Value[])[1]! }
          : undefined,
    observed: (op) => {
      if (op.f === 'read')
        return !op.crashed && !(op.value === null && nilReadsUnknown) ? { value: op.value } : 'nothing';
      if (op.f === 'cas') return { value: (op.value as Value[])[0]! };
      return op.f === CAS_FAILED ? 'unknown' : 'nothing';
    },
  };
};
