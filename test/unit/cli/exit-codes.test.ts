import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { FaultlineError, HistoryError } from '../../../src/core/errors.js';
import { EXIT, exitCodeForError } from '../../../src/cli/exit-codes.js';

describe('exitCodeForError', () => {
  it.each([
    ['a bad history', new HistoryError('bad', { line: 3 }), EXIT.badInput],
    ['a bad argument', new FaultlineError('BAD_ARGUMENT', 'bad'), EXIT.badInput],
    ['an unknown option (commander)', new CommanderError(1, 'commander.unknownOption', 'x'), EXIT.badInput],
    ['--help (commander exits 0)', new CommanderError(0, 'commander.helpDisplayed', ''), 0],
    ['an internal FaultlineError', new FaultlineError('INTERNAL', 'oops'), EXIT.crashed],
    ['any other error', new TypeError('x is undefined'), EXIT.crashed],
    ['a thrown non-error', 'boom', EXIT.crashed],
  ])('%s', (_name, error, code) => {
    expect(exitCodeForError(error)).toBe(code);
  });

  it('uses the Jepsen codes', () => {
    expect(EXIT).toEqual({ valid: 0, invalid: 1, unknown: 2, badInput: 254, crashed: 255 });
  });
});
