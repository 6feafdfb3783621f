import { expect, it } from 'vitest';
import { shortFaultedRun, type ShortRun, type ShortRunResult } from './short-faulted-run.js';

/** Time one system test may take: building the image on a cold cache, the run, and cleanup. */
const RUN_TIMEOUT = 600_000;

/**
 * Declares a system integration test: one short faulted run, logged as `<label>: <verdicts>
 * counts=<counts><detail>`, that must pass and leave no container or network of the run behind;
 * `expectations` adds the test's own assertions.
 */
export function itFaultedRun(
  title: string,
  label: string,
  spec: ShortRun,
  expectations: (r: ShortRunResult) => void,
  detail: (r: ShortRunResult) => string = () => '',
): void {
  it(
    title,
    async () => {
      const r = await shortFaultedRun(spec);
      console.log(
        `${label}: ${r.verdictLines.join('; ')} counts=${JSON.stringify(r.outcome.counts)}${detail(r)}`,
      );
      expect(r.outcome.status).toBe('passed');
      expect(r.leftovers).toBe(0);
      expectations(r);
    },
    RUN_TIMEOUT,
  );
}
