import { FaultlineError } from '../core/errors.js';

/**
 * Polls `probe` until it returns a value other than undefined, or throws SYSTEM_START_FAILED after
 * `timeoutMs` with the last reason the probe gave. A probe that throws counts as "not yet".
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  intervalMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline) {
      throw new FaultlineError(
        'SYSTEM_START_FAILED',
        `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what} (last: ${last}).`,
        {
          hint: 'The database did not become healthy; run with --keep and read its log in the run directory.',
        },
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
