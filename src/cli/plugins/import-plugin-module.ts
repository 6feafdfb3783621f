import { pathToFileURL } from 'node:url';
import { FaultlineError } from '../../core/errors.js';

const TYPESCRIPT = /\.[mc]?ts$/;

/**
 * Imports a plugin file. A TypeScript file is loaded through tsx's scoped loader (esbuild strips
 * the types, no build step, no type check); JavaScript is imported as it is.
 */
export async function importPluginModule(file: string, source: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  try {
    if (TYPESCRIPT.test(file)) {
      const { tsImport } = await import('tsx/esm/api');
      return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
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
