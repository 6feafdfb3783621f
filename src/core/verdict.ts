/** A checker's verdict: `unknown` when it could not decide (budget, timeout, unsupported input). */
export type Verdict = true | false | 'unknown';

/** Merge rule: false > unknown > true. */
export function mergeVerdicts(verdicts: Iterable<Verdict>): Verdict {
  let out: Verdict = true;
  for (const v of verdicts) {
    if (v === false) return false;
    if (v === 'unknown') out = 'unknown';
  }
  return out;
}

/** Process exit code for a verdict, as Jepsen's CLI: 0 valid, 1 invalid, 2 unknown. */
export function exitCodeFor(verdict: Verdict): 0 | 1 | 2 {
  return verdict === true ? 0 : verdict === false ? 1 : 2;
}
