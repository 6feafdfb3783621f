import { describe, expect, it } from 'vitest';
import { casRegister } from '../../../checkers/models/cas-register.js';
import { register } from '../../../checkers/models/register.js';
import { HistoryError } from '../../../src/core/errors.js';
import type { Op } from '../../../src/core/op.js';
import { parseHistory } from '../../../src/history/parse-history.js';
import { validateHistory, type ValidateOptions } from '../../../src/history/validate-history.js';

/** One EDN event per line, so line N of the text is event N. */
function edn(...lines: string[]): Op[] {
  return parseHistory(lines.join('\n'), { format: 'edn' });
}

function errorOf(history: Op[], options: ValidateOptions = {}): HistoryError {
  try {
    validateHistory(history, { source: 'h.edn', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(HistoryError);
    return error as HistoryError;
  }
  throw new Error('expected validateHistory to throw');
}

describe('validateHistory accepts', () => {
  it('interleaved ops, pending invocations, nemesis events and fail/info completions', () => {
    const h = edn(
      '{:type :invoke :process 0 :f :write :value 1}',
      '{:type :invoke :process 1 :f :cas :value [1 2]}',
      '{:type :info :process :nemesis :f :start :value nil}',
      '{:type :ok :process 0 :f :write :value 1}',
      '{:type :fail :process 1 :f :cas :value [1 2]}',
      '{:type :invoke :process 2 :f :read :value nil}',
      '{:type :info :process 2 :f :read :value nil}',
      '{:type :invoke :process 0 :f :read :value nil}',
    );
    expect(validateHistory(h, { model: casRegister() })).toEqual({ warnings: [] });
  });

  it('independent [key value] tuples, checking the inner value against the model', () => {
    const h = edn(
      '{:type :invoke :process 0 :f :cas :value [7 [1 2]]}',
      '{:type :ok :process 0 :f :cas :value [7 [1 2]]}',
      '{:type :invoke :process 0 :f :read :value [8 nil]}',
      '{:type :fail :process 0 :f :read :value nil}',
    );
    expect(validateHistory(h, { model: casRegister(), independent: true }).warnings).toEqual([]);
  });

  it('a process that invokes again after an info completion, with one warning naming the line', () => {
    const h = edn(
      '{:type :invoke :process 0 :f :write :value 1}',
      '{:type :info :process 0 :f :write :value 1}',
      '{:type :invoke :process 0 :f :read :value nil}',
      '{:type :ok :process 0 :f :read :value 1}',
      '{:type :invoke :process 0 :f :read :value nil}',
    );
    const { warnings } = validateHistory(h);
    expect(warnings).toEqual([
      {
        index: 2,
        line: 3,
        message: expect.stringMatching(/process 0 invokes read after one of its ops crashed/) as unknown,
      },
    ]);
  });
});

describe('validateHistory rejects, naming the line', () => {
  it('a completion without an invocation', () => {
    const e = errorOf(edn('{:type :invoke :process 0 :f :read}', '{:type :ok :process 1 :f :read :value 1}'));
    expect(e.line).toBe(2);
    expect(e.message).toBe('h.edn:2: ok completion of read on process 1 has no invocation');
    expect(e.hint).toMatch(/must follow an invoke/);
  });

  it('a second invocation on a busy process', () => {
    const e = errorOf(
      edn('{:type :invoke :process 3 :f :write :value 1}', '{:type :invoke :process 3 :f :read :value nil}'),
    );
    expect(e.message).toBe(
      'h.edn:2: process 3 invokes read while its write invoked at line 1 has not completed',
    );
  });

  it('a completion whose f differs from its invocation', () => {
    const e = errorOf(
      edn('{:type :invoke :process 0 :f :write :value 1}', '{:type :ok :process 0 :f :read :value 1}'),
    );
    expect(e.message).toBe('h.edn:2: process 0 completes read but invoked write at line 1');
  });

  it('an unknown type or ill-typed field in an in-memory history (naming the op)', () => {
    const h = edn('{:type :invoke :process 0 :f :read}');
    const bad = [{ ...h[0]!, type: 'done' }] as unknown as Op[];
    expect(errorOf(bad).message).toMatch(/unknown type "done" \(op #0\): expected invoke, ok, fail or info/);
    expect(errorOf([{ ...h[0]!, index: 5 }]).message).toMatch(/index 5 at position 0/);
    expect(errorOf([{ ...h[0]!, process: -2 }]).message).toMatch(
      /process -2 \(op #0\) is not a non-negative integer/,
    );
    expect(errorOf([{ ...h[0]!, f: '' }]).message).toMatch(/f "" \(op #0\) is not a non-empty string/);
    expect(errorOf([{ ...h[0]!, time: NaN }]).message).toMatch(/time \(op #0\) is not a finite number/);
  });

  it('an f the model does not know', () => {
    const e = errorOf(
      edn('{:type :invoke :process 0 :f :read}', '{:type :invoke :process 1 :f :cas :value [1 2]}'),
      {
        model: register(),
      },
    );
    expect(e.message).toBe("h.edn:2: the register model has no f 'cas'");
    expect(e.hint).toMatch(/It understands: read, write/);
  });

  it('a value that is not valid for the model', () => {
    const e = errorOf(edn('{:type :invoke :process 0 :f :cas :value 5}'), { model: casRegister() });
    expect(e.line).toBe(1);
    expect(e.message).toMatch(
      /^h\.edn:1: invalid value for the cas-register model: a cas value is \[old new\]/,
    );
  });

  it('a value that is not a [key value] tuple under independent', () => {
    const e = errorOf(
      edn('{:type :invoke :process 0 :f :read :value [1 2]}', '{:type :ok :process 0 :f :read :value 3}'),
      {
        model: register(),
        independent: true,
      },
    );
    expect(e.message).toMatch(/^h\.edn:2: value 3 is not a \[key, value\] tuple, as --independent requires/);
  });
});
