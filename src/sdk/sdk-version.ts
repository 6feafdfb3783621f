/**
 * The system SDK's version. A plugin records the version it was written for (defineSystem does);
 * the loader refuses a plugin of another version with a clear error. Raise it on a breaking change
 * of `System` or of an SDK helper's contract.
 */
export const SDK_VERSION = 1;
