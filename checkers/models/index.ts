import type { ModelFactory } from '../../src/core/model.js';
import { casRegister } from './cas-register.js';
import { counter } from './counter.js';
import { kv } from './kv.js';
import { kvAppend } from './kv-append.js';
import { mutex } from './mutex.js';
import { queue } from './queue.js';
import { register } from './register.js';
import { set } from './set.js';

/** Every sequential model by name, for the linearizability and sequential checkers and the CLI. */
export const models = {
  register,
  'cas-register': casRegister,
  kv,
  'kv-append': kvAppend,
  set,
  queue,
  counter,
  mutex,
} satisfies Record<string, ModelFactory>;

export type ModelName = keyof typeof models;
