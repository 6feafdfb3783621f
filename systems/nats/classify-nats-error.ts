import { classifyError, type Completion } from '../../src/sdk/index.js';

/** JetStream API error codes of a publish the stream compared and refused (wrong last sequence or msg id). */
const REFUSED_PUBLISH = new Set([10071, 10070]);

/** The JetStream API error code of a NATS error, when the server answered with one. */
export function jetStreamErrorCode(error: unknown): number | undefined {
  const code = (error as { api_error?: { err_code?: unknown } } | null)?.api_error?.err_code;
  return typeof code === 'number' ? code : undefined;
}

/** True for a publish that certainly stored nothing: the stream refused it, or no server had interest in its subject. */
export function publishRefused(error: unknown): boolean {
  const code = jetStreamErrorCode(error);
  if (code !== undefined) return REFUSED_PUBLISH.has(code);
  // 503 "no responders": nothing subscribed to the subject, so no stream received the message.
  return (error as { code?: unknown } | null)?.code === '503';
}

/**
 * fail or info for an error of one NATS request: reads and refused publishes are `fail`;
 * anything else (a timeout, a lost connection, another JetStream error) may have been applied: `info`.
 */
export function classifyNatsError(error: unknown, readOnly: boolean): Pick<Completion, 'type' | 'error'> {
  const c = classifyError(error, { readOnly, rejected: publishRefused });
  const code = (error as { code?: unknown } | null)?.code;
  const api = jetStreamErrorCode(error);
  const tag = [typeof code === 'string' ? code : undefined, api === undefined ? undefined : `err_code ${api}`]
    .filter(Boolean)
    .join(', ');
  return tag === '' ? c : { ...c, error: `${String(c.error)} (${tag})` };
}
