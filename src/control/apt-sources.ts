import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FaultlineError } from '../core/errors.js';

/** The host's apt configuration, copied into images so apt inside them uses the same mirror. */
export interface AptSources {
  /** Debian codename of the host, e.g. `bookworm`. */
  codename: string;
  /** The first mirror serving the codename's main suite: what debootstrap uses. */
  mirror: string;
  /** Source files by name (`debian.sources`, `host.list`) with their content. */
  files: Record<string, string>;
}

/** Reads /etc/apt/sources.list(.d) and /etc/os-release; `root` is for tests. */
export function hostAptSources(root = '/'): AptSources {
  const files: Record<string, string> = {};
  const dir = join(root, 'etc/apt/sources.list.d');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.sources') || n.endsWith('.list'));
  } catch {
    // no sources.list.d
  }
  for (const name of names.sort()) files[name] = readFileSync(join(dir, name), 'utf8');
  try {
    files['host.list'] = readFileSync(join(root, 'etc/apt/sources.list'), 'utf8');
  } catch {
    // deb822-only host
  }
  let codename = 'bookworm';
  try {
    codename =
      /^VERSION_CODENAME=(.+)$/m.exec(readFileSync(join(root, 'etc/os-release'), 'utf8'))?.[1]?.trim() ??
      codename;
  } catch {
    // not a Debian-like host: keep the default
  }
  const mirror = findMirror(files, codename);
  if (!mirror) {
    throw new FaultlineError(
      'IMAGE_BUILD_FAILED',
      `No Debian apt mirror for ${codename} found in /etc/apt/sources.list(.d).`,
      {
        hint: `Configure an apt source for ${codename} (e.g. a deb822 file in /etc/apt/sources.list.d/) and retry.`,
      },
    );
  }
  return { codename, mirror, files };
}

/** The first URI of a `deb` entry whose suites include `codename` itself, from deb822 or one-line files. */
export function findMirror(files: Record<string, string>, codename: string): string | undefined {
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const field = (key: string): string[] =>
          (new RegExp(`^${key}:\\s*(.+)$`, 'mi').exec(stanza)?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
        if (field('Enabled')[0]?.toLowerCase() === 'no') continue;
        if (field('Types').includes('deb') && field('Suites').includes(codename)) return field('URIs')[0];
      }
    } else {
      for (const line of text.split('\n')) {
        const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
        if (m && m[2] === codename) return m[1];
      }
    }
  }
  return undefined;
}
