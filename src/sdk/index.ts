// The system SDK: `import { defineSystem, daemon, runChecked, waitUntil } from 'faultline/system'`.
// Everything a plugin needs to teach faultline a database, and nothing that starts Docker.
export { SDK_VERSION } from './sdk-version.js';
export { defineSystem, type SystemDefinition } from './define-system.js';
export { checkSystem, flagName, type CheckSystemContext } from './check-system.js';
export { parseSystemOptions, takesValue } from './parse-system-options.js';
export { Daemon, daemon, type DaemonSpec } from './daemon.js';
export { killableByName, pausableByName, processByName, signalByName } from './kill-by-name.js';
export { runChecked } from './run-checked.js';
export { waitUntil } from './wait-until.js';
export { startFailed, type StartFailure } from './start-failed.js';
export { waitForPort } from './wait-for-port.js';
export { waitForCommand } from './wait-for-command.js';
export { classifyError, NOT_SENT_CODES, type ClassifyErrorOptions } from './classify-error.js';
export { quoteShell } from './quote-shell.js';
export { FAKETIME_INIT, faketimeEnv } from '../control/faketime.js';

export type {
  ClientFactory,
  ConsistencyPromise,
  HasPrimaries,
  HasProcess,
  ImageRecipe,
  Killable,
  Pausable,
  System,
  SystemContext,
  SystemOption,
} from '../core/system.js';
export type { Client, Completion } from '../core/client.js';
export type { Op, Value } from '../core/op.js';
export type { Cluster, Remote, ExecResult, ExecOptions } from '../core/remote.js';
export { FaultlineError, type ErrorCode } from '../core/errors.js';
