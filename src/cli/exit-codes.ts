import { CommanderError } from 'commander';
import { FaultlineError } from '../core/errors.js';

/** Exit codes, as Jepsen's CLI: 0 valid, 1 invalid, 2 unknown; 254 bad arguments or input; 255 crashed. */
export const EXIT = { valid: 0, invalid: 1, unknown: 2, badInput: 254, crashed: 255 } as const;

/** The exit code for an error that escaped a command. */
export function exitCodeForError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT.badInput;
  if (error instanceof FaultlineError) return error.code === 'INTERNAL' ? EXIT.crashed : EXIT.badInput;
  return EXIT.crashed;
}
