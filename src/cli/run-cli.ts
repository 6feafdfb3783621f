import { CommanderError } from 'commander';
import { FaultlineError } from '../core/errors.js';
import { exitCodeForError } from './exit-codes.js';
import { createProgram } from './program.js';

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code. Commands set
 * process.exitCode for their verdict; errors are mapped here: a FaultlineError prints its message
 * and hint (254, or 255 for INTERNAL), anything else is a crash and prints its stack (255).
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await (await createProgram(argv)).parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    // Commander already printed its own message (unknown option, missing argument, bad choice).
    if (error instanceof CommanderError) return exitCodeForError(error);
    if (error instanceof FaultlineError && error.code !== 'INTERNAL') {
      process.stderr.write(`faultline: ${error.describe()}\n`);
    } else {
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(
        `faultline crashed; this is a bug, please report it with the command you ran:\n${stack}\n`,
      );
    }
    return exitCodeForError(error);
  }
}
