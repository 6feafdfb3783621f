import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { FaultlineError } from '../core/errors.js';
import type { Cluster } from '../core/remote.js';
import type { ImageRecipe } from '../core/system.js';
import { collectNodeFiles } from './collect-node-files.js';
import { aptInstallScript, hostCleanupScript, NOT_DEBIAN_EXIT } from './host-scripts.js';
import { parseKnownHosts } from './known-hosts.js';
import { loadSshAuth, type SshAuthOptions } from './ssh-auth.js';
import { SshConnection, type HostKeyPolicy } from './ssh-connection.js';
import { SshRemote } from './ssh-remote.js';
import type { SshTarget } from './ssh-target.js';

/** Path of the kernel's boot id: equal on two machines only when they share one kernel (containers). */
const BOOT_ID = '/proc/sys/kernel/random/boot_id';

export interface SshClusterOptions {
  runId: string;
  targets: readonly SshTarget[];
  auth?: SshAuthOptions;
  /** Refuse hosts whose key is not in known_hosts (default true). */
  strictHostKeyChecking?: boolean;
  /** known_hosts files (default ~/.ssh/known_hosts). */
  knownHostsFiles?: readonly string[];
  /** Run commands through `sudo -n` (for a non-root user). */
  sudo?: boolean;
  onProgress?: (line: string) => void;
}

/** Hosts reached over SSH as one cluster; node names are the hosts as given. */
export class SshCluster implements Cluster {
  readonly remote: SshRemote;
  readonly nodes: readonly string[];

  constructor(
    readonly runId: string,
    private readonly connections: ReadonlyMap<string, SshConnection>,
    private readonly ips: ReadonlyMap<string, string>,
    /** Nodes whose kernel is the control node's or another node's: their clock is not theirs to set. */
    readonly sharedKernel: ReadonlySet<string>,
    sudo: boolean,
  ) {
    this.nodes = [...connections.keys()];
    this.remote = new SshRemote(connections, sudo);
  }

  ip(node: string): string {
    const ip = this.ips.get(node);
    if (ip === undefined) {
      throw new FaultlineError('BAD_ARGUMENT', `No host ${node}; hosts are ${this.nodes.join(', ')}.`);
    }
    return ip;
  }

  /** True when the node runs a kernel of its own, so a clock fault may set its clock. */
  ownClock(node: string): boolean {
    return !this.sharedKernel.has(node);
  }

  collectLogs(dir: string, files: (node: string) => readonly string[]): Promise<string[]> {
    return collectNodeFiles(this.remote, this.nodes, dir, files);
  }

  /** Runs the host cleanup on every node; what each removed (or its error). */
  async cleanHosts(): Promise<Record<string, string>> {
    const done: Record<string, string> = {};
    await Promise.all(
      this.nodes.map(async (node) => {
        try {
          const r = await this.remote.exec(node, ['sh', '-c', hostCleanupScript], { timeoutMs: 60_000 });
          done[node] =
            r.exitCode === 0
              ? r.stdout.trim().split('\n').filter(Boolean).join('; ') || 'nothing to remove'
              : `cleanup failed (exit ${r.exitCode}): ${r.stderr.trim()}`;
        } catch (error) {
          done[node] = `cleanup failed: ${(error as Error).message}`;
        }
      }),
    );
    return done;
  }

  /** Cleans every host, then closes the connections; safe to call twice. */
  async destroy(): Promise<void> {
    if (this.closed) return;
    const result = await this.cleanHosts();
    this.close();
    const failed = Object.entries(result).filter(([, r]) => r.startsWith('cleanup failed'));
    if (failed.length > 0) {
      throw new FaultlineError(
        'NODE_EXEC_FAILED',
        `Cleanup failed on ${failed.map(([n, r]) => `${n}: ${r}`).join('; ')}`,
        {
          hint: 'Run `faultline clean --ssh --nodes ...` with the same hosts once they are reachable.',
        },
      );
    }
  }

  private closed = false;

  /** Closes the SSH connections without touching the hosts (a run kept with --keep). */
  release(): void {
    this.close();
  }

  /** Closes the SSH connections without touching the hosts. */
  close(): void {
    this.closed = true;
    for (const c of this.connections.values()) c.close();
  }

  /**
   * Installs the recipe on every host in parallel: missing apt packages, its files, its setup steps
   * (the same as the Docker image's RUN steps).
   */
  async install(recipe: ImageRecipe, progress: (line: string) => void): Promise<void> {
    await Promise.all(
      this.nodes.map(async (node) => {
        const started = performance.now();
        const r = await this.remote.exec(node, ['sh', '-c', aptInstallScript(recipe)], {
          timeoutMs: 900_000,
        });
        if (r.exitCode !== 0) {
          throw new FaultlineError(
            'HOST_INSTALL_FAILED',
            `Installing ${recipe.name} on ${node} failed (exit ${r.exitCode}): ${lastLines(r.stderr || r.stdout)}`,
            {
              hint:
                r.exitCode === NOT_DEBIAN_EXIT
                  ? 'Install the database yourself and pass --no-install, or use Debian or Ubuntu hosts.'
                  : "Check the host's apt sources and that it can reach its mirror; or install by hand and pass --no-install.",
            },
          );
        }
        for (const [path, content] of Object.entries(recipe.files ?? {}))
          await this.remote.upload(node, path, content);
        for (const step of recipe.run ?? []) {
          const s = await this.remote.exec(node, ['sh', '-c', step], { timeoutMs: 300_000 });
          if (s.exitCode !== 0) {
            throw new FaultlineError(
              'HOST_INSTALL_FAILED',
              `Setup step \`${step}\` failed on ${node} (exit ${s.exitCode}): ${lastLines(s.stderr)}`,
              {
                hint: 'Fix the host, or prepare it by hand and pass --no-install.',
              },
            );
          }
        }
        const missing = /^missing:(.*)$/m.exec(r.stdout)?.[1]?.trim() ?? '';
        progress(
          `${node}: ${missing ? `installed ${missing}` : 'all packages present'} (${Math.round(performance.now() - started)} ms)`,
        );
      }),
    );
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join('\n');
}

/** Reads the known_hosts files that exist; a missing file just has no entries. */
async function hostKeyPolicy(options: SshClusterOptions): Promise<HostKeyPolicy> {
  const files = options.knownHostsFiles ?? [join(homedir(), '.ssh', 'known_hosts')];
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8').catch(() => '')));
  return {
    strict: options.strictHostKeyChecking ?? true,
    known: texts.flatMap(parseKnownHosts),
    source: files.join(', '),
  };
}

/**
 * Connects to every host before anything is installed, and checks each one: reachable, host key
 * known, credentials accepted, root or passwordless sudo, an IPv4/IPv6 address. Also compares boot
 * ids to find hosts that share a kernel. Throws the first host's clear error (all hosts named).
 */
export async function connectSshCluster(options: SshClusterOptions): Promise<SshCluster> {
  const progress = options.onProgress ?? (() => {});
  const auth = await loadSshAuth(options.auth);
  const hostKeys = await hostKeyPolicy(options);
  const connections = new Map(
    options.targets.map((t) => [t.name, new SshConnection({ target: t, auth, hostKeys })]),
  );
  const sudo = options.sudo ?? false;
  const closeAll = (): void => {
    for (const c of connections.values()) c.close();
  };
  const remote = new SshRemote(connections, sudo);
  const failures: { node: string; error: unknown }[] = [];
  const bootIds = new Map<string, string>();
  const ips = new Map<string, string>();
  await Promise.all(
    options.targets.map(async (t) => {
      try {
        await connections.get(t.name)!.connect();
        const r = await remote.exec(t.name, ['sh', '-c', `id -u; cat ${BOOT_ID}`], { timeoutMs: 15_000 });
        if (r.exitCode !== 0 || r.stdout.split('\n')[0]?.trim() !== '0') {
          throw new FaultlineError(
            'SSH_NOT_ROOT',
            sudo
              ? `${t.user}@${t.name} cannot run commands as root with \`sudo -n\` (exit ${r.exitCode}): ${r.stderr.trim()}`
              : `${t.user}@${t.name} is not root, and faultline needs root on the hosts (iptables, packages, signals).`,
            {
              hint: sudo
                ? `Allow ${t.user} passwordless sudo on ${t.name} (a NOPASSWD line in /etc/sudoers.d/), or connect as root.`
                : 'Pass --sudo (passwordless sudo), or connect as root (--ssh-user root).',
            },
          );
        }
        bootIds.set(t.name, r.stdout.split('\n')[1]?.trim() ?? '');
        ips.set(t.name, isIP(t.host) ? t.host : (await lookup(t.host)).address);
        progress(`connected to ${t.user}@${t.name} (${ips.get(t.name)})`);
      } catch (error) {
        failures.push({ node: t.name, error });
      }
    }),
  );
  if (failures.length > 0) {
    closeAll();
    throw summarize(failures, options.targets.length);
  }
  const control = (await readFile(BOOT_ID, 'utf8').catch(() => '')).trim();
  const shared = new Set(
    options.targets
      .map((t) => t.name)
      .filter((n) => {
        const id = bootIds.get(n);
        return id === control || [...bootIds].some(([other, otherId]) => other !== n && otherId === id);
      }),
  );
  if (shared.size > 0) {
    progress(
      `${[...shared].join(', ')} share a kernel with the control node or each other: their clocks are never set`,
    );
  }
  return new SshCluster(options.runId, connections, ips, shared, sudo);
}

/** One error for all failed hosts: the first host's code and hint, every host's message. */
function summarize(failures: { node: string; error: unknown }[], total: number): FaultlineError {
  failures.sort((a, b) => a.node.localeCompare(b.node));
  const first = failures[0]!.error;
  const text = (e: unknown): string => (e instanceof Error ? e.message : String(e));
  if (failures.length === 1 && first instanceof FaultlineError) return first;
  const message = `${failures.length} of ${total} hosts failed the SSH checks:\n${failures.map((f) => `  ${f.node}: ${text(f.error)}`).join('\n')}`;
  return first instanceof FaultlineError
    ? new FaultlineError(first.code, message, { ...(first.hint ? { hint: first.hint } : {}), cause: first })
    : new FaultlineError('SSH_UNREACHABLE', message, { cause: first });
}
