import type { SystemClocks } from './system-clocks.js';

/** The result of a command run on a node. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  /** Kill the command after this long; the result then has a non-zero exit code. */
  timeoutMs?: number;
  stdin?: string;
  env?: Record<string, string>;
  /** Run detached (daemon start): resolve once started, with empty output. */
  detach?: boolean;
}

/**
 * Runs commands on and moves files to/from a node. Implemented for Docker first (src/control),
 * SSH later. `exec` never throws for a non-zero exit code; it throws only when the node is gone.
 */
export interface Remote {
  exec(node: string, command: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** Write `content` to `path` on the node (parents created, mode 0644 unless given). */
  upload(node: string, path: string, content: string | Uint8Array, mode?: number): Promise<void>;
  /** Read a file from the node; undefined when it does not exist. */
  download(node: string, path: string): Promise<Uint8Array | undefined>;
}

/** A running cluster as systems, clients and nemeses see it. */
export interface Cluster {
  /** Run id, also the value of the `faultline.run` label on everything created. */
  runId: string;
  /** Node names (hostnames), n1..nN. */
  nodes: readonly string[];
  /** The node's IP address on the cluster network, reachable from the host. */
  ip(node: string): string;
  remote: Remote;
  /** The nodes' system clocks, on platforms whose nodes may have their own kernel (SSH hosts). */
  clocks?: SystemClocks;
}
