import { FaultlineError } from '../core/errors.js';

/** One host to reach over SSH; `name` is the node name the run uses (the host as written). */
export interface SshTarget {
  name: string;
  host: string;
  port: number;
  user: string;
}

export interface SshTargetDefaults {
  user: string;
  port: number;
}

/**
 * Parses `[user@]host[:port]` (IPv6 in brackets: `[::1]:2222`) with defaults for user and port.
 * Throws BAD_ARGUMENT naming `where` (e.g. `--nodes`, `nodes.txt:3`) on anything else.
 */
export function parseSshTarget(text: string, defaults: SshTargetDefaults, where: string): SshTarget {
  const bad = (why: string): FaultlineError =>
    new FaultlineError('BAD_ARGUMENT', `${where}: "${text}" is not a host (${why}).`, {
      hint: 'Write a host as host, user@host, host:port or user@[ipv6]:port.',
    });
  const m = /^(?:([A-Za-z0-9._][A-Za-z0-9._-]*)@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d+))?$/.exec(
    text.trim(),
  );
  if (!m) throw bad('expected [user@]host[:port]');
  const host = m[2]!.replace(/^\[|\]$/g, '');
  if (host.startsWith('-') || host.startsWith('.')) throw bad('a host name cannot start with - or .');
  const port = m[3] === undefined ? defaults.port : Number(m[3]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad('the port must be 1-65535');
  return { name: host, host, port, user: m[1] ?? defaults.user };
}

/**
 * Parses a host list (comma-separated, or one a line from a nodes file; `#` starts a comment).
 * Node names are the hosts, or `host:port` when one host appears with several ports.
 */
export function parseSshTargets(
  entries: readonly { text: string; where: string }[],
  defaults: SshTargetDefaults,
): SshTarget[] {
  const targets = entries.map((e) => parseSshTarget(e.text, defaults, e.where));
  if (targets.length === 0) {
    throw new FaultlineError('BAD_ARGUMENT', 'No hosts given.', {
      hint: 'Give --nodes host1,host2,host3 or --nodes-file with one host a line.',
    });
  }
  const hosts = new Map<string, number>();
  for (const t of targets) hosts.set(t.host, (hosts.get(t.host) ?? 0) + 1);
  const named = targets.map((t) =>
    (hosts.get(t.host) ?? 0) > 1 ? { ...t, name: `${t.host}:${t.port}` } : t,
  );
  const seen = new Set<string>();
  for (const t of named) {
    if (seen.has(t.name)) {
      throw new FaultlineError('BAD_ARGUMENT', `Host ${t.name} is listed twice.`, {
        hint: 'List each host (and port) once.',
      });
    }
    seen.add(t.name);
  }
  return named;
}

/** The entries of a nodes file: one host a line; blank lines and `#` comments skipped. */
export function nodesFileEntries(text: string, file: string): { text: string; where: string }[] {
  return text.split('\n').flatMap((line, i) => {
    const body = line.replace(/#.*/, '').trim();
    return body === '' ? [] : [{ text: body, where: `${file}:${i + 1}` }];
  });
}
