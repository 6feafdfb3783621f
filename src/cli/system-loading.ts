import type { Command } from 'commander';
import type { System } from '../core/system.js';
import { builtinSystems } from '../../systems/builtin-systems.js';
import { loadSystemRegistry, type RegisteredSystem } from './plugins/system-registry.js';
import { FaultlineError } from '../core/errors.js';
import { workloads } from './registries.js';
import { RESERVED_TEST_FLAGS } from './reserved-flags.js';
import { addSystemOptions, declaredFlags } from './test-options.js';

/** The systems a command can run, known once its arguments are being parsed. */
export interface SystemsOfCommand {
  /** Every distinct system: built-ins, config plugins, and the plugin named on the command line. */
  all(): System[];
  /** The system `spec` names (a built-in or config name, or a plugin path or package). */
  get(spec: string): RegisteredSystem;
}

/** The first operand of a subcommand's raw arguments, skipping the values of its value-taking options. */
export function firstOperand(args: readonly string[], command: Command): string | undefined {
  const valued = new Set(
    command.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]),
  );
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return args[i + 1];
    if (arg.startsWith('-')) {
      if (!arg.includes('=') && valued.has(arg)) i++;
      continue;
    }
    return arg;
  }
  return undefined;
}

/**
 * Gives `command` the options of every system it can run. The built-ins' options are declared at
 * once (so `--help` lists them); the config's plugins and the one named on the command line are
 * loaded just before the command parses its arguments (commander's preSubcommand hook), so their
 * options are flags too, and a bad plugin fails before anything starts.
 */
export function withSystemOptions(program: Command, command: Command): SystemsOfCommand {
  const reservedFlags = [...new Set([...RESERVED_TEST_FLAGS, ...declaredFlags(command)])];
  addSystemOptions(command, builtinSystems);
  let registry: Map<string, RegisteredSystem> | undefined;
  program.hook('preSubcommand', async (parent, sub) => {
    if (sub !== command) return;
    const spec = firstOperand(parent.args.slice(1), command);
    registry = await loadSystemRegistry({ workloads: Object.keys(workloads), reservedFlags }, spec);
    addSystemOptions(command, distinct(registry));
  });
  const loaded = (): Map<string, RegisteredSystem> => {
    if (!registry) throw new FaultlineError('INTERNAL', 'systems were not loaded before the command ran');
    return registry;
  };
  return {
    all: () => distinct(loaded()),
    get(spec) {
      const found = loaded().get(spec);
      if (!found) {
        throw new FaultlineError('BAD_ARGUMENT', `Unknown system ${spec}.`, {
          hint: `Known: ${distinct(loaded())
            .map((s) => s.name)
            .join(', ')}; or give a plugin path like ./my-db.ts.`,
        });
      }
      return found;
    },
  };
}

function distinct(registry: Map<string, RegisteredSystem>): System[] {
  return [...new Set([...registry.values()].map((r) => r.system))];
}
