/**
 * Clock-skew convention shared by systems and the clock nemesis: a system starts its database with
 * `faketimeEnv()` so libfaketime reads the offset from FAKETIME_FILE, which the nemesis rewrites.
 * It only reaches dynamically linked programs that read time through libc (not Go binaries).
 */
export const FAKETIME_FILE = '/run/faultline/faketime';

/** The libfaketime shared object installed by the `libfaketime` package (amd64 and arm64 paths tried by the loader). */
export const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/** Environment for a process whose clock the nemesis may skew; the file is re-read on every call. */
export function faketimeEnv(): Record<string, string> {
  return {
    LD_PRELOAD: FAKETIME_LIB,
    FAKETIME_TIMESTAMP_FILE: FAKETIME_FILE,
    FAKETIME_NO_CACHE: '1',
  };
}

/** Shell that creates FAKETIME_FILE with a zero offset unless present (run before starting the database). */
export const FAKETIME_INIT = `mkdir -p /run/faultline && [ -f ${FAKETIME_FILE} ] || echo '+0' > ${FAKETIME_FILE}`;
