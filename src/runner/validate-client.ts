import type { Client, Completion } from '../core/client.js';
import type { Op, Value } from '../core/op.js';

const TYPES = new Set(['ok', 'fail', 'info']);

/** The text of a thrown error, for the `error` field of an info completion. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Wraps a client so every invoke resolves to a well-formed completion (Jepsen's validate client):
 * a thrown error, a malformed completion, an abort or an op running past `timeoutMs` becomes `info`
 * (it may have taken effect). The wrapper never throws.
 */
export function validateClient(client: Client, timeoutMs: number): Client {
  return {
    async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
      const local = new AbortController();
      const onAbort = (): void => local.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<Completion>((resolve) => {
        timer = setTimeout(() => {
          local.abort(new Error('timeout'));
          resolve({ type: 'info', value: op.value, error: `timeout after ${timeoutMs} ms` });
        }, timeoutMs);
      });
      let onInterrupt: (() => void) | undefined;
      const aborted = new Promise<Completion>((resolve) => {
        onInterrupt = (): void => resolve({ type: 'info', value: op.value, error: 'interrupted' });
        if (signal.aborted) onInterrupt();
        else signal.addEventListener('abort', onInterrupt, { once: true });
      });
      try {
        const attempt = Promise.resolve()
          .then(() => client.invoke(op, local.signal))
          .then(
            (c) => checkCompletion(c, op),
            (error: unknown): Completion => ({ type: 'info', value: op.value, error: errorText(error) }),
          );
        return await Promise.race([attempt, deadline, aborted]);
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (onInterrupt) signal.removeEventListener('abort', onInterrupt);
      }
    },
    async close() {
      try {
        await client.close();
      } catch {
        // Closing is best effort: the node may be partitioned away or killed.
      }
    },
  };
}

function checkCompletion(c: unknown, op: Op): Completion {
  const bad = (why: string): Completion => ({
    type: 'info',
    value: op.value,
    error: `invalid completion: ${why}`,
  });
  if (typeof c !== 'object' || c === null) return bad(`not an object (${String(c)})`);
  const { type, value, error, node } = c as {
    type?: unknown;
    value?: unknown;
    error?: unknown;
    node?: unknown;
  };
  if (typeof type !== 'string' || !TYPES.has(type))
    return bad(`type ${JSON.stringify(type)} is not ok/fail/info`);
  if (value === undefined) return bad('no value');
  const out: Completion = { type: type as Completion['type'], value: value as Value };
  if (error !== undefined) out.error = error as Value;
  if (node !== undefined) {
    if (typeof node !== 'string' || node === '')
      return bad(`node ${JSON.stringify(node)} is not a node name`);
    out.node = node;
  }
  return out;
}
