import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FaultlineError } from '../../core/errors.js';

/** A spec names a file when it is a path or ends with a script extension; otherwise a package. */
export function isPathSpec(spec: string): boolean {
  return /^(\.{1,2}[/\\]|[/\\])/.test(spec) || /\.([mc]?[jt]s)$/.test(spec);
}

function packageEntry(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports?: unknown;
    main?: string;
  };
  let entry: unknown = pkg.exports;
  if (typeof entry === 'object' && entry !== null && '.' in entry)
    entry = (entry as Record<string, unknown>)['.'];
  while (typeof entry === 'object' && entry !== null) {
    const conditions = entry as Record<string, unknown>;
    entry = conditions['import'] ?? conditions['node'] ?? conditions['default'];
  }
  return join(dir, typeof entry === 'string' ? entry : (pkg.main ?? 'index.js'));
}

/** The file a plugin spec names: a path relative to `base`, or a package's entry found in node_modules above `base`. */
export function resolvePlugin(spec: string, base: string): string {
  if (isPathSpec(spec)) {
    const file = resolve(base, spec);
    if (!existsSync(file)) {
      throw new FaultlineError('BAD_PLUGIN', `System plugin ${spec}: no such file (${file}).`, {
        hint: 'Give the path of a .ts, .js or .mjs file that exports a system, relative to the working directory.',
      });
    }
    return file;
  }
  for (let dir = resolve(base); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', spec);
    if (existsSync(join(candidate, 'package.json'))) return packageEntry(candidate);
    if (dirname(dir) === dir) break;
  }
  throw new FaultlineError(
    'BAD_PLUGIN',
    `Unknown system ${spec}: not built in, not a file, not an installed package.`,
    {
      hint: 'Run `faultline systems` for the known ones, give a plugin path like ./my-db.ts, or npm install the package.',
    },
  );
}
