import { FaultlineError } from '../core/errors.js';
import type { ExecOptions, ExecResult, Remote } from '../core/remote.js';
import { shellCommand, shellQuote } from './shell-quote.js';
import type { RawExecResult, SshConnection } from './ssh-connection.js';

/**
 * Remote over SSH: one reused connection per node, commands as shell lines (as root, through
 * `sudo -n` when asked), files through the command's stdin and stdout, so no temp file is left.
 */
export class SshRemote implements Remote {
  constructor(
    private readonly connections: ReadonlyMap<string, SshConnection>,
    private readonly sudo: boolean,
  ) {}

  /** The shell line run on the host for `command` with the options' env, timeout and detach. */
  commandLine(command: readonly string[], options: ExecOptions = {}): string {
    const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`);
    const argv = [...(env.length > 0 ? ['env', ...env] : []), ...command];
    if (options.detach) {
      // Its own session, no terminal and no open channel: it outlives this SSH command.
      const inner = `setsid ${shellCommand(argv)} >/dev/null 2>&1 </dev/null &`;
      return this.sudo ? `sudo -n sh -c ${shellQuote(inner)}` : inner;
    }
    const timed =
      options.timeoutMs === undefined
        ? argv
        : ['timeout', '-s', 'KILL', String(Math.max(1, Math.ceil(options.timeoutMs / 1000))), ...argv];
    return shellCommand(this.sudo ? ['sudo', '-n', '--', ...timed] : timed);
  }

  async exec(node: string, command: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const r = await this.run(node, this.commandLine(command, options), options.stdin, options.timeoutMs);
    return { exitCode: r.exitCode, stdout: r.stdout.toString('utf8'), stderr: r.stderr };
  }

  async upload(node: string, path: string, content: string | Uint8Array, mode = 0o644): Promise<void> {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    const script = `mkdir -p ${shellQuote(dir)} && cat > ${shellQuote(path)} && chmod ${mode.toString(8)} ${shellQuote(path)}`;
    const r = await this.run(node, this.commandLine(['sh', '-c', script]), content, 60_000);
    if (r.exitCode !== 0) {
      throw new FaultlineError('NODE_EXEC_FAILED', `Cannot write ${path} on ${node}: ${r.stderr.trim()}`, {
        hint: 'Check that the user may write there (use --sudo for a non-root user) and the disk has room.',
      });
    }
  }

  async download(node: string, path: string): Promise<Uint8Array | undefined> {
    const script = `if [ -f ${shellQuote(path)} ]; then exec cat ${shellQuote(path)}; else exit 3; fi`;
    const r = await this.run(node, this.commandLine(['sh', '-c', script]), undefined, 120_000);
    if (r.exitCode === 3) return undefined;
    if (r.exitCode !== 0) {
      throw new FaultlineError('NODE_EXEC_FAILED', `Cannot read ${path} on ${node}: ${r.stderr.trim()}`, {
        hint: 'Check that the user may read it (use --sudo for a non-root user).',
      });
    }
    return new Uint8Array(r.stdout);
  }

  private connection(node: string): SshConnection {
    const c = this.connections.get(node);
    if (!c) {
      throw new FaultlineError(
        'BAD_ARGUMENT',
        `No host ${node}; hosts are ${[...this.connections.keys()].join(', ')}.`,
      );
    }
    return c;
  }

  /** Runs one shell line; the exit code, raw stdout and stderr. */
  private async run(
    node: string,
    line: string,
    stdin: string | Uint8Array | undefined,
    timeoutMs: number | undefined,
  ): Promise<RawExecResult> {
    try {
      return await this.connection(node).run(line, stdin, timeoutMs);
    } catch (cause) {
      if (cause instanceof FaultlineError) throw cause;
      throw new FaultlineError(
        'NODE_EXEC_FAILED',
        `Cannot run \`${line}\` on ${node}: ${(cause as Error).message}`,
        {
          hint: 'The host may be down or sshd may refuse more sessions; see its sshd log.',
          cause,
        },
      );
    }
  }
}
