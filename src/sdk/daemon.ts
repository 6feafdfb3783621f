import { FAKETIME_INIT, faketimeEnv } from '../control/faketime.js';
import type { HasProcess, Killable, Pausable, SystemContext } from '../core/system.js';
import { quoteShell } from './quote-shell.js';
import { runChecked } from './run-checked.js';

/** A database server process on a node, started in the background and tracked by a pid file. */
export interface DaemonSpec {
  /** Its command line, e.g. `['/usr/bin/mydb', '--name=n1']`, or a function of the node for per-node flags. */
  command: readonly string[] | ((ctx: SystemContext, node: string) => readonly string[]);
  /** Its name in /proc/<pid>/comm, e.g. `mydb` or `java` (at most 15 characters). */
  comm: string;
  /** Where its pid is kept, e.g. `/run/faultline/mydb.pid`. */
  pidFile: string;
  /** Where its stdout and stderr are appended, e.g. `/var/log/faultline/mydb.log`. */
  logFile: string;
  /** Working directory (default /). */
  cwd?: string;
  /** Extra environment variables. */
  env?: Readonly<Record<string, string>>;
  /** Start it under libfaketime, so the clock nemesis can skew its clock (default true). */
  faketime?: boolean;
}

const stamp = '$(date -u +%FT%T.%NZ)';

/**
 * Start, kill, pause, resume and find a daemon by its pid file (Jepsen's start-daemon! and
 * stop-daemon!). Every script is idempotent: starting a running daemon or killing a stopped one
 * does nothing. It is a Killable, Pausable and HasProcess, so a system can pass it as all three.
 */
export class Daemon implements Killable, Pausable, HasProcess {
  readonly spec: DaemonSpec;
  readonly comm: string;

  constructor(spec: DaemonSpec) {
    this.spec = spec;
    this.comm = spec.comm;
  }

  /** Shell test: the pid file names a live process called `comm`. */
  get running(): string {
    const pid = this.spec.pidFile;
    return `{ [ -s ${pid} ] && [ "$(cat /proc/$(cat ${pid})/comm 2>/dev/null)" = ${quoteShell(this.comm)} ]; }`;
  }

  /** Shell that starts `command` in its own session unless the daemon runs, and records its pid. */
  startScript(command: readonly string[]): string {
    const { logFile, pidFile, cwd } = this.spec;
    const env = { ...(this.spec.faketime === false ? {} : faketimeEnv()), ...this.spec.env };
    const envWords = Object.entries(env).map(([k, v]) => `${k}=${quoteShell(v)}`);
    return [
      `if ${this.running}; then exit 0; fi`,
      ...(this.spec.faketime === false ? [] : [FAKETIME_INIT]),
      `mkdir -p $(dirname ${logFile}) $(dirname ${pidFile})`,
      ...(cwd ? [`cd ${quoteShell(cwd)}`] : []),
      `echo "=== faultline: starting ${this.comm} ${stamp}" >> ${logFile}`,
      `env ${envWords.join(' ')} setsid ${command.map(quoteShell).join(' ')} >> ${logFile} 2>&1 < /dev/null &`,
      `echo $! > ${pidFile}`,
    ].join('\n');
  }

  /** Shell that sends `signal` and waits (up to 10 s) until the process is gone; nothing when not running. */
  stopScript(signal: 'KILL' | 'TERM' = 'KILL'): string {
    return [
      `if ${this.running}; then`,
      `  pid=$(cat ${this.spec.pidFile})`,
      `  kill -${signal} "$pid"; kill -CONT "$pid" 2>/dev/null`,
      '  i=0; while [ -d "/proc/$pid" ] && [ "$(cut -d" " -f3 /proc/$pid/stat 2>/dev/null)" != Z ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done',
      `  echo "=== faultline: ${signal === 'KILL' ? 'killed' : 'stopped'} ${this.comm} (pid $pid) ${stamp}" >> ${this.spec.logFile}`,
      'fi',
    ].join('\n');
  }

  /** Shell that sends STOP or CONT when the daemon runs. */
  signalScript(signal: 'STOP' | 'CONT'): string {
    return `if ${this.running}; then kill -${signal} "$(cat ${this.spec.pidFile})"; fi`;
  }

  /** Starts it on `node` unless it runs; SYSTEM_START_FAILED when the script fails. */
  readonly start = async (ctx: SystemContext, node: string): Promise<void> => {
    const { command } = this.spec;
    const words = typeof command === 'function' ? command(ctx, node) : command;
    await runChecked(ctx, node, `start ${this.comm}`, this.startScript(words), 30_000);
  };

  /** SIGKILLs it on `node` and waits until it is gone (also when paused). */
  readonly kill = async (ctx: SystemContext, node: string): Promise<void> => {
    await runChecked(ctx, node, `kill ${this.comm}`, this.stopScript('KILL'), 30_000);
  };

  /** SIGTERMs it on `node` and waits until it is gone. */
  readonly stop = async (ctx: SystemContext, node: string): Promise<void> => {
    await runChecked(ctx, node, `stop ${this.comm}`, this.stopScript('TERM'), 30_000);
  };

  /** SIGSTOPs it on `node`. */
  readonly pause = async (ctx: SystemContext, node: string): Promise<void> => {
    await runChecked(ctx, node, `pause ${this.comm}`, this.signalScript('STOP'), 30_000);
  };

  /** SIGCONTs it on `node`. */
  readonly resume = async (ctx: SystemContext, node: string): Promise<void> => {
    await runChecked(ctx, node, `resume ${this.comm}`, this.signalScript('CONT'), 30_000);
  };

  /** Its pid on `node`, or undefined when it does not run. */
  readonly pid = async (ctx: SystemContext, node: string): Promise<number | undefined> => {
    const script = `if ${this.running}; then cat ${this.spec.pidFile}; fi`;
    const r = await ctx.cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 10_000 });
    const pid = Number.parseInt(r.stdout.trim(), 10);
    return Number.isFinite(pid) ? pid : undefined;
  };
}

/** A Daemon for `spec`. */
export function daemon(spec: DaemonSpec): Daemon {
  return new Daemon(spec);
}
