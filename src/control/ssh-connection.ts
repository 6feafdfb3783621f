import ssh2, { type ClientChannel, type ConnectConfig } from 'ssh2';
import { FaultlineError } from '../core/errors.js';
import { EXEC_ABANDONED } from './docker-remote.js';
import { entriesFor, hostKeyAlgorithms, judgeHostKey, knownHostName, type KnownHost } from './known-hosts.js';
import type { SshAuth } from './ssh-auth.js';
import type { SshTarget } from './ssh-target.js';

/** A command's exit code, raw stdout and stderr. */
export interface RawExecResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

/** Exit code of a command killed by a signal (128 + its number, as shells report it). */
const SIGNAL_EXIT: Record<string, number> = { KILL: 137, TERM: 143, INT: 130, HUP: 129 };

/** Collects a channel's output and exit status; closes it 5 s after `timeoutMs` (EXEC_ABANDONED). */
function collect(
  stream: ClientChannel,
  stdin: string | Uint8Array | undefined,
  timeoutMs: number | undefined,
  done: (r: RawExecResult) => void,
): void {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let code: number | undefined;
  let abandoned = false;
  const limit =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          abandoned = true;
          stream.close();
        }, timeoutMs + 5000);
  stream.on('data', (c: Buffer) => out.push(c));
  stream.stderr.on('data', (c: Buffer) => err.push(c));
  stream.on('exit', (status: number | null, signal?: string) => {
    code = status ?? SIGNAL_EXIT[signal ?? ''] ?? 255;
  });
  stream.on('close', () => {
    if (limit) clearTimeout(limit);
    // No exit status: the connection died under the command.
    done({
      exitCode: abandoned ? EXEC_ABANDONED : (code ?? 255),
      stdout: Buffer.concat(out),
      stderr: Buffer.concat(err).toString('utf8'),
    });
  });
  stream.end(stdin === undefined ? undefined : Buffer.from(stdin));
}

/** How to verify host keys: against known_hosts entries, or (strict checking off) not at all. */
export interface HostKeyPolicy {
  strict: boolean;
  known: readonly KnownHost[];
  /** The known_hosts file(s) read, for messages. */
  source: string;
}

export interface SshConnectionOptions {
  target: SshTarget;
  auth: SshAuth;
  hostKeys: HostKeyPolicy;
  /** Handshake timeout (default 10 s). */
  readyTimeoutMs?: number;
  /** At most this many channels at once (sshd's MaxSessions is 10 by default). */
  maxChannels?: number;
}

/**
 * One SSH connection to one host, opened on first use and reused by every command; after an error
 * or a close it is opened again on the next use. Channels are limited to stay under MaxSessions.
 */
export class SshConnection {
  private client: ssh2.Client | undefined;
  private ready: Promise<ssh2.Client> | undefined;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: SshConnectionOptions) {}

  get target(): SshTarget {
    return this.options.target;
  }

  /** Connects now (or reuses the open connection); throws an SSH_* FaultlineError saying what failed. */
  connect(): Promise<ssh2.Client> {
    if (this.closed)
      return Promise.reject(
        new FaultlineError('INTERNAL', `SSH connection to ${this.target.name} is closed.`),
      );
    this.ready ??= this.open().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /**
   * Runs `command` (a shell command line) on a channel of the shared connection: its exit code, raw
   * stdout and stderr. Retries once on a fresh connection when the channel cannot be opened (the
   * command did not start then). Gives up `graceMs` after `timeoutMs` with EXEC_ABANDONED.
   */
  async run(
    command: string,
    stdin: string | Uint8Array | undefined,
    timeoutMs?: number,
  ): Promise<RawExecResult> {
    await this.acquire();
    try {
      return await this.runOnce(command, stdin, timeoutMs).catch((error: unknown) => {
        if (error instanceof FaultlineError) throw error;
        // The connection may have died since its last use: open it again, once.
        this.drop();
        return this.runOnce(command, stdin, timeoutMs);
      });
    } finally {
      this.releaseSlot();
    }
  }

  /** Closes the connection for good. */
  close(): void {
    this.closed = true;
    this.drop();
  }

  private async runOnce(
    command: string,
    stdin: string | Uint8Array | undefined,
    timeoutMs: number | undefined,
  ): Promise<RawExecResult> {
    const client = await this.connect();
    return new Promise((resolve, reject) => {
      client.exec(command, (error, stream) => {
        if (error) {
          reject(error);
          return;
        }
        // Listeners go on synchronously: the exit status and close may arrive in the same packet.
        collect(stream, stdin, timeoutMs, resolve);
      });
    });
  }

  private drop(): void {
    this.client?.end();
    this.client = undefined;
    this.ready = undefined;
  }

  private async acquire(): Promise<void> {
    const max = this.options.maxChannels ?? 8;
    if (this.active < max) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  private open(): Promise<ssh2.Client> {
    const { target, auth, hostKeys } = this.options;
    const entries = entriesFor(hostKeys.known, target.host, target.port);
    let verdict: string | undefined;
    let offered: Buffer | undefined;
    const config: ConnectConfig = {
      host: target.host,
      port: target.port,
      username: target.user,
      readyTimeout: this.options.readyTimeoutMs ?? 10_000,
      keepaliveInterval: 5000,
      keepaliveCountMax: 3,
      authHandler: auth.methods(target.user),
      hostVerifier: (key: Buffer) => {
        offered = key;
        if (!hostKeys.strict) return true;
        verdict = judgeHostKey(entries, key);
        return verdict === 'known';
      },
    };
    const algorithms = hostKeyAlgorithms(entries);
    if (hostKeys.strict && algorithms.length > 0) {
      config.algorithms = {
        serverHostKey: algorithms as NonNullable<ConnectConfig['algorithms']>['serverHostKey'],
      };
    }
    return new Promise((resolve, reject) => {
      const client = new ssh2.Client();
      let settled = false;
      client.once('ready', () => {
        settled = true;
        this.client = client;
        resolve(client);
      });
      client.on('error', (error: Error & { level?: string }) => {
        if (!settled) {
          settled = true;
          reject(connectError(target, error, verdict, offered, hostKeys, auth));
        }
        if (this.client === client) this.drop();
      });
      client.on('close', () => {
        if (!settled) {
          settled = true;
          reject(connectError(target, new Error('connection closed'), verdict, offered, hostKeys, auth));
        }
        if (this.client === client) {
          this.client = undefined;
          this.ready = undefined;
        }
      });
      client.connect(config);
    });
  }
}

/** A clear error for a failed connection: host key, authentication or reachability. */
function connectError(
  target: SshTarget,
  error: Error & { level?: string },
  verdict: string | undefined,
  offered: Buffer | undefined,
  hostKeys: HostKeyPolicy,
  auth: SshAuth,
): FaultlineError {
  const where = `${target.user}@${knownHostName(target.host, target.port)}`;
  if (verdict === 'unknown' || verdict === 'changed' || verdict === 'revoked') {
    const type = offered ? keyType(offered) : 'unknown type';
    const scan = `ssh-keyscan -p ${target.port} ${target.host} >> ~/.ssh/known_hosts`;
    if (verdict === 'unknown') {
      return new FaultlineError(
        'SSH_HOST_KEY_UNKNOWN',
        `The host key of ${target.name} (${type}) is not in ${hostKeys.source}: faultline does not connect to unknown hosts.`,
        {
          hint: `Check the key out of band and add it (e.g. \`${scan}\`, or connect once with ssh), or pass --no-strict-host-key-checking on a network you trust.`,
          cause: error,
        },
      );
    }
    return new FaultlineError(
      'SSH_HOST_KEY_CHANGED',
      `The host key of ${target.name} (${type}) does not match ${hostKeys.source}${verdict === 'revoked' ? ' (it is revoked there)' : ''}: the host was reinstalled, or someone is in the middle.`,
      {
        hint: `If the host was reinstalled, remove its old line (\`ssh-keygen -R ${knownHostName(target.host, target.port)}\`) and add the new key; otherwise do not connect.`,
        cause: error,
      },
    );
  }
  if (error.level === 'client-authentication') {
    return new FaultlineError(
      'SSH_AUTH_FAILED',
      `${where} refused every credential offered (${auth.describe}).`,
      {
        hint: `Check that the public key is in ~${target.user}/.ssh/authorized_keys on ${target.name}, and the user (--ssh-user or user@host).`,
        cause: error,
      },
    );
  }
  return new FaultlineError('SSH_UNREACHABLE', `Cannot reach ${where} over SSH: ${error.message}.`, {
    hint: `Check that ${target.host} is up, resolves, and runs sshd on port ${target.port} (--ssh-port or host:port), and that no firewall drops it.`,
    cause: error,
  });
}

/** The key type named at the start of an SSH public key blob. */
function keyType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown type';
  const len = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + len).toString('latin1');
}
