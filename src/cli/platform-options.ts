import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { nodeNames } from '../control/docker-cluster.js';
import { nodesFileEntries, parseSshTargets, type SshTarget } from '../control/ssh-target.js';
import { FaultlineError } from '../core/errors.js';
import type { Platform } from '../runner/platform.js';
import { sshPlatform } from '../runner/ssh-platform.js';
import { positiveInteger } from './option-parsers.js';

/** The flags that choose and configure the platform (Docker by default, SSH hosts with --ssh). */
export interface PlatformFlags {
  ssh?: boolean;
  nodesFile?: string;
  sshUser?: string;
  sshKey?: string;
  sshPort?: number;
  sudo?: boolean;
  strictHostKeyChecking?: boolean;
  knownHosts?: string;
  install?: boolean;
}

/** Commander parser for --nodes: a node count (Docker) or a comma-separated host list (--ssh). */
export function countOrHosts(text: string): number | string {
  if (/^\s*\d+\s*$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && Number.isSafeInteger(n)) return n;
    throw new InvalidArgumentError('A node count must be at least 1.');
  }
  if (text.split(',').some((h) => h.trim() === '')) {
    throw new InvalidArgumentError(
      'It must be a node count (e.g. 5) or a host list (e.g. n1,n2,n3 with --ssh).',
    );
  }
  return text;
}

/** Declares the platform flags on a command, as one group. */
export function addPlatformOptions(command: Command): Command {
  return command
    .option('--ssh', 'run on your own hosts over SSH (--nodes h1,h2,h3 or --nodes-file) instead of Docker')
    .option('--nodes-file <file>', 'ssh: the hosts, one a line: host, user@host, host:port')
    .option('--ssh-user <user>', 'ssh: user for hosts that do not name one (default: your user name)')
    .option(
      '--ssh-key <file>',
      'ssh: private key (default: the agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa)',
    )
    .option('--ssh-port <port>', 'ssh: port for hosts that do not name one (default 22)', positiveInteger)
    .option('--sudo', 'ssh: run commands on the hosts through passwordless sudo (for a non-root user)')
    .option('--strict-host-key-checking', 'ssh: refuse hosts whose key is not in known_hosts (the default)')
    .option('--no-strict-host-key-checking', 'ssh: accept any host key (only on a network you trust)')
    .option('--known-hosts <file>', 'ssh: known_hosts file (default ~/.ssh/known_hosts)')
    .option('--no-install', 'ssh: the database is already installed on the hosts; install nothing');
}

const SSH_ONLY: [keyof PlatformFlags, string][] = [
  ['nodesFile', '--nodes-file'],
  ['sshUser', '--ssh-user'],
  ['sshKey', '--ssh-key'],
  ['sshPort', '--ssh-port'],
  ['sudo', '--sudo'],
  ['knownHosts', '--known-hosts'],
];

/** The hosts of --nodes (a list) or --nodes-file, with the user and port defaults of the flags. */
export function sshTargetsOf(nodes: number | string | undefined, flags: PlatformFlags): SshTarget[] {
  if (typeof nodes === 'string' && flags.nodesFile !== undefined) {
    throw new FaultlineError('BAD_ARGUMENT', 'Give the hosts with --nodes or with --nodes-file, not both.');
  }
  let entries: { text: string; where: string }[];
  if (flags.nodesFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.nodesFile, 'utf8');
    } catch (cause) {
      throw new FaultlineError(
        'BAD_ARGUMENT',
        `Cannot read --nodes-file ${flags.nodesFile}: ${(cause as Error).message}`,
        {
          hint: 'Give a file with one host a line (host, user@host or host:port).',
          cause,
        },
      );
    }
    entries = nodesFileEntries(text, flags.nodesFile);
  } else if (typeof nodes === 'string') {
    entries = nodes.split(',').map((text, i) => ({ text: text.trim(), where: `--nodes entry ${i + 1}` }));
  } else {
    throw new FaultlineError('BAD_ARGUMENT', '--ssh needs the hosts, not a node count.', {
      hint: 'Give --nodes host1,host2,host3 or --nodes-file nodes.txt.',
    });
  }
  return parseSshTargets(entries, { user: flags.sshUser ?? userInfo().username, port: flags.sshPort ?? 22 });
}

/**
 * The node names and platform of a run: n1..nN on Docker for a count, the hosts over SSH with
 * --ssh. Rejects a host list without --ssh and SSH flags without it, before anything starts.
 */
export function resolvePlatform(
  nodes: number | string,
  flags: PlatformFlags,
): { nodes: string[]; platform?: Platform } {
  if (!flags.ssh) {
    const stray =
      SSH_ONLY.find(([key]) => flags[key] !== undefined) ??
      (flags.install === false ? ['install', '--no-install'] : undefined);
    if (stray) {
      throw new FaultlineError('BAD_ARGUMENT', `${stray[1]} is for SSH hosts.`, {
        hint: 'Add --ssh, or leave it out.',
      });
    }
    if (typeof nodes === 'string') {
      throw new FaultlineError('BAD_ARGUMENT', `--nodes ${nodes} names hosts, which needs --ssh.`, {
        hint: 'Add --ssh to test those hosts, or give a node count (e.g. --nodes 5) for Docker.',
      });
    }
    return { nodes: nodeNames(nodes) };
  }
  const targets = sshTargetsOf(
    flags.nodesFile !== undefined && typeof nodes === 'number' ? undefined : nodes,
    flags,
  );
  return {
    nodes: targets.map((t) => t.name),
    platform: sshPlatform({
      targets,
      ...(flags.sshKey ? { auth: { keyFile: flags.sshKey } } : {}),
      strictHostKeyChecking: flags.strictHostKeyChecking ?? true,
      ...(flags.knownHosts ? { knownHostsFiles: [flags.knownHosts] } : {}),
      sudo: flags.sudo ?? false,
      install: flags.install ?? true,
    }),
  };
}
