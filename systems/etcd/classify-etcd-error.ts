import type { Completion } from '../../src/core/client.js';
import { NOT_SENT_CODES } from '../../src/sdk/index.js';
import { EtcdRequestError, EtcdServerError } from './etcd-http.js';

/** Server errors etcd returns before proposing the request to raft. */
const REJECTED = [
  /too many requests/i,
  /etcdserver: (key|value) is too large/i,
  /invalid/i,
  /permission denied/i,
];

/**
 * fail or info for an error of one attempt. Reads have no side effect, so a failed read is `fail`.
 * A write is `fail` only when nothing reached etcd (refused, unreachable, aborted while connecting)
 * or etcd rejected it before proposing it; otherwise (timeout, reset, leader lost) it is `info`.
 */
export function classifyEtcdError(error: unknown, readOnly: boolean): Pick<Completion, 'type' | 'error'> {
  const text = describe(error);
  if (readOnly) return { type: 'fail', error: text };
  if (error instanceof EtcdRequestError && (NOT_SENT_CODES.includes(error.code) || !error.sent))
    return { type: 'fail', error: text };
  if (error instanceof EtcdServerError && REJECTED.some((r) => r.test(error.message)))
    return { type: 'fail', error: text };
  return { type: 'info', error: text };
}

function describe(error: unknown): string {
  if (error instanceof EtcdRequestError)
    return `${error.code}${error.sent ? '' : ' (not sent)'}: ${error.message}`;
  if (error instanceof EtcdServerError) return `etcd ${error.status}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
