import type { SystemOption } from '../../src/sdk/index.js';
import { ISOLATION_LEVELS } from './isolation.js';

/** `--isolation <level>`, the SQL systems' transaction isolation level. */
export const isolationOption: SystemOption = {
  key: 'isolation',
  flag: '--isolation <level>',
  help: 'read-committed | repeatable-read | serializable (default): the level of every transaction',
  choices: ISOLATION_LEVELS,
  default: 'serializable',
};
