/**
 * `fail` when a command certainly had no effect: any failed read, a reply error from the server
 * (READONLY on a demoted primary, NOREPLICAS, LOADING: the command was refused), or a command never
 * sent because the client was disconnected. A write whose connection dropped or timed out after it
 * was sent is `info`.
 */
export function classifyRedisError(err: unknown, write: boolean): 'fail' | 'info' {
  if (!write) return 'fail';
  if (!(err instanceof Error)) return 'info';
  if (err.name === 'ReplyError') return 'fail';
  if (
    /enableOfflineQueue|Stream isn't writeable|Connection in subscriber mode|ECONNREFUSED|EHOSTUNREACH/.test(
      err.message,
    )
  )
    return 'fail';
  return 'info';
}
