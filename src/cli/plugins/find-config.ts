import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FaultlineError } from '../../core/errors.js';
import { importPluginModule } from './import-plugin-module.js';

/** The config file names looked for in the working directory, first found wins. */
export const CONFIG_FILES = [
  'faultline.config.ts',
  'faultline.config.mjs',
  'faultline.config.js',
  'faultline.config.json',
];

/** What a faultline.config file may say. */
export interface FaultlineConfig {
  /** Plugin specs (paths relative to the config file, or package names) loaded beside the built-ins. */
  systems?: readonly string[];
}

function checkConfig(value: unknown, file: string): FaultlineConfig {
  const systems = (value as { systems?: unknown } | null)?.systems;
  if (
    typeof value !== 'object' ||
    value === null ||
    (systems !== undefined && (!Array.isArray(systems) || systems.some((s) => typeof s !== 'string')))
  ) {
    throw new FaultlineError(
      'BAD_PLUGIN',
      `${file}: "systems" must be a list of plugin paths or package names.`,
      {
        hint: 'E.g. { "systems": ["./my-db.ts"] }',
      },
    );
  }
  return value as FaultlineConfig;
}

/** The config in `dir` and its path, or undefined when there is none. */
export async function findConfig(
  dir: string,
): Promise<{ file: string; config: FaultlineConfig } | undefined> {
  const name = CONFIG_FILES.find((n) => existsSync(join(dir, n)));
  if (name === undefined) return undefined;
  const file = join(dir, name);
  if (name.endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new FaultlineError('BAD_PLUGIN', `${name} is not valid JSON: ${(cause as Error).message}`, {
        cause,
      });
    }
    return { file, config: checkConfig(parsed, name) };
  }
  const module = await importPluginModule(file, name);
  return { file, config: checkConfig(module['default'], name) };
}
