/** Settles with `work`, or rejects with an AbortError as soon as `signal` aborts (the work is left running). */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** True for the error raceAbort rejects with. */
export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

function abortError(signal: AbortSignal): Error {
  const e = new Error(signal.reason instanceof Error ? signal.reason.message : 'operation aborted (timeout)');
  e.name = 'AbortError';
  return e;
}
