import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { FaultlineError } from '../core/errors.js';
import type { ExecOptions, ExecResult, Remote } from '../core/remote.js';
import { tarPack, tarUnpack } from './tar.js';

/** Exit code reported when faultline had to give up on a command (timeout not honoured by the node). */
export const EXEC_ABANDONED = 124;

/** Remote for nodes that are Docker containers: exec through the engine, files through archives. */
export class DockerRemote implements Remote {
  constructor(
    private readonly docker: Docker,
    /** Container name (or id) of a node name. */
    private readonly containerOf: (node: string) => string,
  ) {}

  async exec(node: string, command: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const container = this.docker.getContainer(this.containerOf(node));
    const timeoutS =
      options.timeoutMs === undefined ? undefined : Math.max(1, Math.ceil(options.timeoutMs / 1000));
    // `timeout -s KILL` runs inside the node, so a timed-out command really dies (exit 137).
    const cmd =
      timeoutS === undefined || options.detach
        ? [...command]
        : ['timeout', '-s', 'KILL', String(timeoutS), ...command];
    const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`);
    const hasStdin = options.stdin !== undefined && !options.detach;
    try {
      const exec = await container.exec({
        Cmd: cmd,
        Env: env,
        AttachStdout: !options.detach,
        AttachStderr: !options.detach,
        AttachStdin: hasStdin,
      });
      if (options.detach) {
        await exec.start({ Detach: true });
        return { exitCode: 0, stdout: '', stderr: '' };
      }
      const stream = await exec.start({ hijack: true, stdin: hasStdin });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const out = new PassThrough().on('data', (c: Buffer) => stdout.push(c));
      const err = new PassThrough().on('data', (c: Buffer) => stderr.push(c));
      this.docker.modem.demuxStream(stream, out, err);
      const abandoned = await new Promise<boolean>((resolve, reject) => {
        const limit =
          timeoutS === undefined
            ? undefined
            : setTimeout(
                () => {
                  stream.destroy();
                  resolve(true);
                },
                timeoutS * 1000 + 5000,
              );
        const done = (): void => {
          if (limit) clearTimeout(limit);
          resolve(false);
        };
        stream.on('end', done);
        stream.on('close', done);
        stream.on('error', (e) => {
          if (limit) clearTimeout(limit);
          reject(e);
        });
        if (hasStdin) stream.end(options.stdin);
      });
      const text = (chunks: Buffer[]): string => Buffer.concat(chunks).toString('utf8');
      if (abandoned) return { exitCode: EXEC_ABANDONED, stdout: text(stdout), stderr: text(stderr) };
      let info = await exec.inspect();
      for (let i = 0; info.Running && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 20));
        info = await exec.inspect();
      }
      return { exitCode: info.ExitCode ?? EXEC_ABANDONED, stdout: text(stdout), stderr: text(stderr) };
    } catch (cause) {
      throw nodeGone(node, command, cause);
    }
  }

  async upload(node: string, path: string, content: string | Uint8Array, mode = 0o644): Promise<void> {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    // The engine writes archives into the container's root file system, under any mount made inside
    // the node (the FUSE layer of lose-unfsynced): such targets are staged in /tmp and copied by exec.
    const mk = await this.exec(node, ['sh', '-c', 'mkdir -p "$1" && stat -f -c %T "$1"', 'sh', dir]);
    if (mk.exitCode !== 0) {
      throw new FaultlineError('NODE_EXEC_FAILED', `Cannot create ${dir} on ${node}: ${mk.stderr.trim()}`, {
        hint: 'Check that the node is running and its disk is writable.',
      });
    }
    const staged = mk.stdout.trim().startsWith('fuse') ? `/tmp/.faultline-upload-${randomUUID()}` : undefined;
    try {
      await this.docker
        .getContainer(this.containerOf(node))
        .putArchive(tarPack([{ path: staged ?? path, content, mode }]), { path: '/' });
    } catch (cause) {
      throw nodeGone(node, ['upload', path], cause);
    }
    if (staged === undefined) return;
    const script = 'cat "$1" > "$2" && chmod "$3" "$2"; r=$?; rm -f "$1"; exit $r';
    const cp = await this.exec(node, ['sh', '-c', script, 'sh', staged, path, mode.toString(8)]);
    if (cp.exitCode !== 0) {
      throw new FaultlineError('NODE_EXEC_FAILED', `Cannot write ${path} on ${node}: ${cp.stderr.trim()}`, {
        hint: 'Check that the node is running and its disk is writable.',
      });
    }
  }

  async download(node: string, path: string): Promise<Uint8Array | undefined> {
    let stream: NodeJS.ReadableStream;
    try {
      stream = await this.docker.getContainer(this.containerOf(node)).getArchive({ path });
    } catch (cause) {
      if ((cause as { statusCode?: number }).statusCode === 404) return undefined;
      throw nodeGone(node, ['download', path], cause);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    const files = tarUnpack(Buffer.concat(chunks));
    return files.values().next().value;
  }
}

function nodeGone(node: string, command: readonly string[], cause: unknown): FaultlineError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new FaultlineError(
    'NODE_EXEC_FAILED',
    `Cannot run \`${command.join(' ')}\` on node ${node}: ${why}`,
    {
      hint: 'The node container may have stopped or been removed; `docker ps -a --filter label=faultline` shows it.',
      cause,
    },
  );
}
