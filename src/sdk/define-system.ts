import type { System } from '../core/system.js';
import { checkSystem } from './check-system.js';
import { SDK_VERSION } from './sdk-version.js';

/** A system as its author writes it: everything but the SDK version, which defineSystem records. */
export type SystemDefinition = Omit<System, 'sdkVersion'>;

/**
 * Declares a database for faultline to test: checks the definition (throws BAD_PLUGIN naming what is
 * missing) and stamps it with this SDK's version, so a faultline of another version can refuse it.
 */
export function defineSystem(definition: SystemDefinition): System {
  const system: System = { ...definition, sdkVersion: SDK_VERSION };
  return checkSystem(system, { source: definition.name });
}
