import type { Completion } from '../core/client.js';

/** Connection errors raised before a request could reach the server: the op certainly did not happen. */
export const NOT_SENT_CODES: readonly string[] = [
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EADDRNOTAVAIL',
  'EAI_AGAIN',
];

export interface ClassifyErrorOptions {
  /** The op has no side effect (a read): whatever went wrong, it did not change anything. */
  readOnly: boolean;
  /** The server said it rejected the request without applying it, e.g. a read-only replica refusing a write. */
  rejected?: (error: unknown) => boolean;
}

/**
 * `fail` (certainly not applied) or `info` (may have been applied) for an error of one attempt:
 * a read, a refused connection or a request the server rejected is `fail`; anything else (timeout,
 * reset, lost leader) is `info`, because the write may have taken effect.
 */
export function classifyError(
  error: unknown,
  options: ClassifyErrorOptions,
): Pick<Completion, 'type' | 'error'> {
  const text = error instanceof Error ? error.message : String(error);
  if (options.readOnly) return { type: 'fail', error: text };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NOT_SENT_CODES.includes(code)) return { type: 'fail', error: text };
  if (options.rejected?.(error) === true) return { type: 'fail', error: text };
  return { type: 'info', error: text };
}
