/**
 * Every error a user can see is a FaultlineError with a stable `code` and a message that says what
 * to do, written where the error is raised.
 */
export type ErrorCode =
  | 'BAD_ARGUMENT'
  | 'BAD_HISTORY'
  | 'BAD_EDN'
  | 'UNKNOWN_MODEL'
  | 'UNKNOWN_OPTION'
  | 'BAD_PLUGIN'
  | 'NO_DOCKER'
  | 'IMAGE_BUILD_FAILED'
  | 'CLUSTER_START_FAILED'
  | 'SYSTEM_START_FAILED'
  | 'NODE_EXEC_FAILED'
  | 'SSH_UNREACHABLE'
  | 'SSH_AUTH_FAILED'
  | 'SSH_HOST_KEY_UNKNOWN'
  | 'SSH_HOST_KEY_CHANGED'
  | 'SSH_NOT_ROOT'
  | 'HOST_INSTALL_FAILED'
  | 'RUN_INTERRUPTED'
  | 'RUN_NOT_FOUND'
  | 'INTERNAL';

export class FaultlineError extends Error {
  override readonly name = 'FaultlineError';
  readonly code: ErrorCode;
  /** What the user should do about it, shown after the message. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  /** Message and hint as one text for a terminal. */
  describe(): string {
    return this.hint ? `${this.message}\n  ${this.hint}` : this.message;
  }
}

/**
 * Codes of errors in what the user gave (arguments, hosts, keys, known_hosts), as opposed to a crash or
 * a database that failed: a run that stops on one exits 254, like a bad argument.
 */
export const INPUT_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'BAD_ARGUMENT',
  'UNKNOWN_OPTION',
  'BAD_PLUGIN',
  'SSH_UNREACHABLE',
  'SSH_AUTH_FAILED',
  'SSH_HOST_KEY_UNKNOWN',
  'SSH_HOST_KEY_CHANGED',
  'SSH_NOT_ROOT',
]);

/** A history that cannot be read or validated; `line` is 1-based in the source file. */
export class HistoryError extends FaultlineError {
  readonly line: number | undefined;
  readonly source: string | undefined;

  constructor(
    message: string,
    options: { line?: number; source?: string; hint?: string; cause?: unknown } = {},
  ) {
    const where = options.source ?? 'history';
    const prefix = options.line === undefined ? `${where}: ` : `${where}:${options.line}: `;
    super('BAD_HISTORY', prefix + message, options);
    this.line = options.line;
    this.source = options.source;
  }
}
