import { pathToFileURL } from 'node:url';
import { FaultlineError } from '../../core/errors.js';

const TYPESCRIPT = /\.[mc]?ts$/;

let tsxRegistered = false;

/**
 * Imports a plugin file. For a TypeScript file, tsx's loader is registered once for the process
 * (esbuild strips the types: no build step, no type check) and the file is imported like any
 * module. Not tsx's scoped `tsImport`: that loads the plugin's imports under a namespace, so the
 * plugin would get its own copy of faultline/system (and of FaultlineError) instead of ours.
 */
export async function importPluginModule(file: string, source: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  try {
    if (TYPESCRIPT.test(file) && !tsxRegistered) {
      const { register } = await import('tsx/esm/api');
      register();
      tsxRegistered = true;
    }
    return (await import(url)) as Record<string, unknown>;
  } catch (cause) {
    throw new FaultlineError(
      'BAD_PLUGIN',
      `System plugin ${source} could not be loaded: ${(cause as Error).message.split('\n')[0]}`,
      {
        hint: "Fix the error in the plugin's code; a plugin imports faultline as 'faultline/system'.",
        cause,
      },
    );
  }
}
