/** ZooKeeper error codes the register client meets (KeeperException.Code). */
export const ZK = {
  OK: 0,
  CONNECTION_LOSS: -4,
  OPERATION_TIMEOUT: -7,
  NO_NODE: -101,
  BAD_VERSION: -103,
  NODE_EXISTS: -110,
  SESSION_EXPIRED: -112,
} as const;

/**
 * An error of a ZooKeeper request. `sent` is false when the request never left this client (no
 * connection), so it certainly had no effect; `code` is the server's error code when it answered.
 */
export class ZkError extends Error {
  override readonly name = 'ZkError';

  constructor(
    readonly code: number,
    message: string,
    readonly sent: boolean,
  ) {
    super(message);
  }

  /** True when the server answered with an error: the request was refused and had no effect. */
  get fromServer(): boolean {
    return this.sent && this.code !== ZK.CONNECTION_LOSS && this.code !== ZK.OPERATION_TIMEOUT;
  }
}

/** `fail` for failed reads, refused requests and requests never sent; `info` for a write lost in flight. */
export function classifyZkError(err: unknown, write: boolean): 'fail' | 'info' {
  if (!write) return 'fail';
  if (err instanceof ZkError && (!err.sent || err.fromServer)) return 'fail';
  return 'info';
}
