import { FaultlineError } from '../core/errors.js';

/**
 * A value one lifecycle task produces and later tasks use, e.g. the cluster. `get` throws until it
 * is set (a task ordering bug, never a user error); teardowns, which run also when the setup that
 * would set it failed, use `peek`.
 */
export class Later<T> {
  private value: T | undefined;
  private isSet = false;

  constructor(private readonly what: string) {}

  set(value: T): T {
    this.value = value;
    this.isSet = true;
    return value;
  }

  get(): T {
    if (!this.isSet) throw new FaultlineError('INTERNAL', `the run used its ${this.what} before it existed`);
    return this.value as T;
  }

  /** The value, or undefined when no task set it (its setup failed or never ran). */
  peek(): T | undefined {
    return this.value;
  }
}
