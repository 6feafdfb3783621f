import { createHmac } from 'node:crypto';

/** One usable line of an OpenSSH known_hosts file. */
export interface KnownHost {
  patterns: string;
  keyType: string;
  /** The public key blob, base64 as in the file. */
  key: string;
  revoked: boolean;
}

/** What known_hosts says about a host's key. */
export type HostKeyVerdict = 'known' | 'unknown' | 'changed' | 'revoked';

/** Parses known_hosts text; skips comments, blank lines and @cert-authority lines (certificates are not used). */
export function parseKnownHosts(text: string): KnownHost[] {
  const out: KnownHost[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    let revoked = false;
    if (fields[0]?.startsWith('@')) {
      if (fields[0] !== '@revoked') continue;
      revoked = true;
      fields.shift();
    }
    const [patterns, keyType, key] = fields;
    if (!patterns || !keyType || !key) continue;
    out.push({ patterns, keyType, key, revoked });
  }
  return out;
}

/** The name known_hosts uses for a host: `host`, or `[host]:port` off port 22. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** True when `name` matches one comma-separated pattern list (globs `*` `?`, `!` negation, `|1|` hashes). */
export function hostMatches(patterns: string, name: string): boolean {
  if (patterns.startsWith('|1|')) {
    const [, , salt, hash] = patterns.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  let matched = false;
  for (const pattern of patterns.split(',')) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    if (!globToRegExp(glob).test(name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** The entries that name this host. */
export function entriesFor(known: readonly KnownHost[], host: string, port: number): KnownHost[] {
  const name = knownHostName(host, port);
  return known.filter((k) => hostMatches(k.patterns, name));
}

/**
 * OpenSSH's rule: a revoked key is refused; a key listed for the host is known; a host listed only
 * with other keys has changed its key (or someone is in the middle); a host not listed is unknown.
 */
export function judgeHostKey(entries: readonly KnownHost[], key: Buffer): HostKeyVerdict {
  const blob = key.toString('base64');
  if (entries.some((e) => e.revoked && e.key === blob)) return 'revoked';
  if (entries.some((e) => !e.revoked && e.key === blob)) return 'known';
  return entries.some((e) => !e.revoked) ? 'changed' : 'unknown';
}

/** The SSH host key algorithms that fit the key types listed for a host (so the server offers a known one). */
export function hostKeyAlgorithms(entries: readonly KnownHost[]): string[] {
  const algorithms = new Set<string>();
  for (const e of entries) {
    if (e.revoked) continue;
    if (e.keyType === 'ssh-rsa')
      for (const a of ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']) algorithms.add(a);
    else algorithms.add(e.keyType);
  }
  return [...algorithms];
}
