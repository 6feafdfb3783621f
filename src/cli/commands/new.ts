import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { FaultlineError } from '../../core/errors.js';

/** The worked example of docs/writing-a-system.md, which every new system starts from. */
const TEMPLATE = 'examples/tarantool';

/** faultline's package root, from this file in src/cli/commands or dist/src/cli/commands. */
function packageRoot(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, TEMPLATE))) {
    const up = resolve(dir, '..');
    if (up === dir) throw new FaultlineError('INTERNAL', `faultline's ${TEMPLATE} is not installed`);
    dir = up;
  }
  return dir;
}

/** The skeleton's files: the template's TypeScript, with the system and its files renamed to `name`. */
export function skeletonFiles(name: string, faultlineRoot: string): Record<string, string> {
  const dir = join(faultlineRoot, TEMPLATE);
  const files: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') || f === 'tsconfig.json')) {
    const text = readFileSync(join(dir, file), 'utf8');
    const target = file === 'tarantool.ts' ? `${name}.ts` : file;
    files[target] =
      file === 'tarantool.ts'
        ? `// Made by \`faultline new system ${name}\` from ${TEMPLATE}: it tests Tarantool 2.6 from Debian as it\n// is. Change the places marked EDIT to test your database (docs/writing-a-system.md explains each).\n${text.replace("name: 'tarantool'", `name: '${name}'`)}`
        : text;
  }
  files['package.json'] = `${JSON.stringify(
    {
      name: `faultline-${name}`,
      version: '0.1.0',
      private: true,
      type: 'module',
      main: `${name}.ts`,
      scripts: {
        typecheck: 'tsc -p tsconfig.json --noEmit',
        test: `faultline test ./${name}.ts --nodes 3 --nemesis partition,kill --time-limit 30`,
      },
      dependencies: { faultline: `file:${faultlineRoot}` },
    },
    null,
    2,
  )}\n`;
  files['tsconfig.json'] = (files['tsconfig.json'] ?? '').replace(
    '"typeRoots": ["../../node_modules/@types"],',
    `"typeRoots": ["${join(faultlineRoot, 'node_modules/@types')}"],`,
  );
  files['.gitignore'] = 'node_modules\npackage-lock.json\n';
  return files;
}

/** `faultline new system <name>`: a working system plugin to start from, in ./<name>/. */
export function addNewCommand(program: Command): void {
  const create = program
    .command('new')
    .description('Create a starting point: `faultline new system <name>`.');
  create
    .command('system')
    .description('Write a working system plugin in ./<name>/ (a copy of the Tarantool example, renamed).')
    .argument('<name>', 'the system name: lowercase letters, digits and -')
    .addHelpText(
      'after',
      `
Then:
  $ cd <name> && npm install && npm test      # a first faulted, checked run
and change the places marked EDIT (docs/writing-a-system.md).

Examples:
  $ faultline new system mydb`,
    )
    .action((name: string) => {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) {
        throw new FaultlineError(
          'BAD_ARGUMENT',
          `System name ${name} must be lowercase letters, digits and -.`,
          {
            hint: 'E.g. faultline new system mydb',
          },
        );
      }
      const dir = resolve(name);
      if (existsSync(dir)) {
        throw new FaultlineError('BAD_ARGUMENT', `${dir} exists already.`, {
          hint: 'Pick another name, or remove that directory.',
        });
      }
      mkdirSync(dir);
      for (const [file, text] of Object.entries(skeletonFiles(name, packageRoot())))
        writeFileSync(join(dir, file), text);
      process.stdout.write(
        `wrote ${dir}/\nnext: cd ${name} && npm install && npm test   (then change the places marked EDIT)\n`,
      );
    });
}
