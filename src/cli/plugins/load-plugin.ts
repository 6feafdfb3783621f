import type { System } from '../../core/system.js';
import { checkSystem, type CheckSystemContext } from '../../sdk/index.js';
import { FaultlineError } from '../../core/errors.js';
import { importPluginModule } from './import-plugin-module.js';
import { resolvePlugin } from './resolve-plugin.js';

/** The exported system of a plugin module: its default export, else its `system` export. */
function exportedSystem(module: Record<string, unknown>, source: string): unknown {
  const candidate = module['default'] ?? module['system'];
  if (candidate === undefined) {
    throw new FaultlineError('BAD_PLUGIN', `System plugin ${source} does not export a system.`, {
      hint: "Add `export default defineSystem({ ... })` (defineSystem comes from 'faultline/system').",
    });
  }
  return candidate;
}

/** Loads the system a plugin spec (path or package, relative to `base`) exports, and checks it. */
export async function loadPlugin(
  spec: string,
  base: string,
  check: Omit<CheckSystemContext, 'source'>,
): Promise<System> {
  const file = resolvePlugin(spec, base);
  const module = await importPluginModule(file, spec);
  return checkSystem(exportedSystem(module, spec), { ...check, source: spec });
}
