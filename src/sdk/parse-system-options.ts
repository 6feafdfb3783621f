import { FaultlineError } from '../core/errors.js';
import type { System, SystemOption } from '../core/system.js';
import { flagName } from './check-system.js';

/** Whether an option takes a value (`--mode <mode>`) rather than being a switch (`--fast-reads`). */
export function takesValue(option: Pick<SystemOption, 'flag'>): boolean {
  return option.flag.includes('<');
}

function parseOne(system: System, option: SystemOption, raw: string | boolean | undefined): unknown {
  if (raw === undefined) return option.default ?? (takesValue(option) ? undefined : false);
  if (typeof raw === 'boolean') return raw;
  if (option.choices && !option.choices.includes(raw)) {
    throw new FaultlineError('BAD_ARGUMENT', `${flagName(option)} ${raw} is not valid for ${system.name}.`, {
      hint: `Use one of: ${option.choices.join(', ')}.`,
    });
  }
  return option.parse ? option.parse(raw) : raw;
}

/**
 * SystemContext.options from raw flag values keyed by option key (text for value options, true for
 * switches, undefined when absent): choices checked, parse applied, defaults filled in. An absent
 * option without a default is left out.
 */
export function parseSystemOptions(
  system: System,
  raw: Readonly<Record<string, string | boolean | undefined>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const option of system.options ?? []) {
    const value = parseOne(system, option, raw[option.key]);
    if (value !== undefined) out[option.key] = value;
  }
  return out;
}
