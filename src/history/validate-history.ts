import { HistoryError } from '../core/errors.js';
import type { Model } from '../core/model.js';
import { OP_TYPES, type History, type Op, type Value } from '../core/op.js';
import { sourceLineOf } from './source-lines.js';

export interface ValidateOptions {
  /** Check every client op's f and value against this model (Model.validate). */
  model?: Model;
  /** Client values are `[key, value]` tuples (Jepsen's independent convention); the model sees `value`. */
  independent?: boolean;
  /** Name used in error messages (a path). */
  source?: string;
}

/** Something legal but suspicious, reported without failing the check. */
export interface HistoryWarning {
  /** Array position of the op. */
  index: number;
  /** 1-based source line, when the op was read from a file. */
  line?: number;
  message: string;
}

/**
 * Checks a history's structure: field types, dense indexes, invoke/completion alternation per
 * process, the same f on both halves of an op, and (with a model) each client value. Throws a
 * HistoryError naming the line of the first problem.
 *
 * A process that invokes again after an `info` completion is a warning, not an error: Jepsen
 * never reuses such a process, but the crashed op simply stays concurrent with everything after
 * it, which checkers already assume, so the history can still be checked soundly.
 */
export function validateHistory(
  history: History,
  options: ValidateOptions = {},
): { warnings: HistoryWarning[] } {
  const warnings: HistoryWarning[] = [];
  const pending = new Map<number, Op>();
  const crashed = new Set<number>();
  const reused = new Set<number>();
  const model = options.model;

  for (let i = 0; i < history.length; i++) {
    const op = history[i]!;
    const line = sourceLineOf(op);
    const fail: (message: string, hint?: string) => never = (message, hint) => {
      throw new HistoryError(message, { line: line ?? undefined, source: options.source, hint });
    };
    const where = line === undefined ? ` (op #${i})` : '';

    if (!(OP_TYPES as readonly string[]).includes(op.type)) {
      fail(`unknown type ${JSON.stringify(op.type)}${where}: expected invoke, ok, fail or info`);
    }
    if (op.index !== i)
      fail(`index ${op.index} at position ${i}${where}: indexes must count 0, 1, 2, ... in order`);
    if (typeof op.f !== 'string' || op.f === '')
      fail(`f ${JSON.stringify(op.f)}${where} is not a non-empty string`);
    if (typeof op.time !== 'number' || !Number.isFinite(op.time)) fail(`time${where} is not a finite number`);
    if (op.process === 'nemesis') continue;
    if (typeof op.process !== 'number' || !Number.isInteger(op.process) || op.process < 0) {
      fail(`process ${JSON.stringify(op.process)}${where} is not a non-negative integer or "nemesis"`);
    }
    const process = op.process;
    const open = pending.get(process);

    if (op.type === 'invoke') {
      if (open !== undefined) {
        fail(
          `process ${process} invokes ${op.f} while its ${open.f} invoked at ${lineOf(open)} has not completed${where}`,
          'A process runs one op at a time. Give a crashed or timed-out op an info completion, and use a new process id after it.',
        );
      }
      if (crashed.has(process) && !reused.has(process)) {
        reused.add(process);
        warnings.push({
          index: i,
          ...(line === undefined ? {} : { line }),
          message: `process ${process} invokes ${op.f} after one of its ops crashed (info); Jepsen gives the worker a new process id`,
        });
      }
      pending.set(process, op);
    } else {
      if (open === undefined) {
        fail(
          `${op.type} completion of ${op.f} on process ${process} has no invocation${where}`,
          'Every completion must follow an invoke of the same f by the same process.',
        );
      }
      if (open.f !== op.f) {
        fail(
          `process ${process} completes ${op.f} but invoked ${open.f} at ${lineOf(open)}${where}`,
          'A completion must repeat the f of its invocation.',
        );
      }
      pending.delete(process);
      if (op.type === 'info') crashed.add(process);
    }

    if (model) checkValue(model, op, options.independent ?? false, fail, where);
  }
  return { warnings };
}

function lineOf(op: Op): string {
  const line = sourceLineOf(op);
  return line === undefined ? `op #${op.index}` : `line ${line}`;
}

function checkValue(
  model: Model,
  op: Op,
  independent: boolean,
  fail: (m: string, h?: string) => never,
  where: string,
): void {
  if (!model.fs.includes(op.f)) {
    fail(
      `the ${model.name} model has no f '${op.f}'${where}`,
      `It understands: ${model.fs.join(', ')}. Pick the model that matches the history with --model.`,
    );
  }
  let value: Value = op.value;
  if (independent) {
    const tuple = Array.isArray(value) && value.length === 2;
    // A failed or crashed completion may drop the value; the invocation carried the key.
    if (!tuple && (op.type === 'invoke' || op.type === 'ok' || value !== null)) {
      fail(
        `value ${show(value)}${where} is not a [key, value] tuple, as --independent requires`,
        'Drop --independent for a history of one key.',
      );
    }
    if (!tuple) return;
    value = (value as Value[])[1]!;
  }
  const problem = model.validate(op.f, value, op.type);
  if (problem !== undefined) {
    fail(
      `invalid value for the ${model.name} model${where}: ${problem}`,
      'See the values each model expects in docs/history-format.md, or pick the model that matches the history.',
    );
  }
}

function show(value: Value): string {
  return (
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value)
  );
}
