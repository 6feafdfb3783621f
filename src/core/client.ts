import type { Op, Value } from './op.js';

/** What a client returns for one invocation. `process`, `f`, `index`, `time` are filled in by the runner. */
export interface Completion {
  type: 'ok' | 'fail' | 'info';
  value: Value;
  error?: Value;
  /**
   * The node that served the op, when the client sent it elsewhere than the node it is bound to
   * (a client that follows the current primary). The completion event records it as its `node`.
   */
  node?: string;
}

/**
 * A client bound to one node. `invoke` never throws for a database error: it returns `fail` when
 * the op certainly did not take effect and `info` when it may have. The runner wraps every client
 * (see validateClient) so a thrown error or a timeout becomes `info`.
 */
export interface Client {
  invoke(op: Op, signal: AbortSignal): Promise<Completion>;
  close(): Promise<void>;
}
