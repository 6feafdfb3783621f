import type { Platform, ReapedLeftovers } from './platform.js';
import { errorText } from './validate-client.js';

/**
 * Before a run starts: removes what runs killed with kill -9 left behind (their owner process is
 * gone) and says so in one line; says nothing when there was nothing. A failure to look is reported
 * in one line and does not stop the run (the platform's own tasks report a broken engine properly).
 */
export async function reapLeftovers(platform: Platform, log: (line: string) => void): Promise<void> {
  if (!platform.reapOrphans) return;
  try {
    const reaped = await platform.reapOrphans();
    if (reaped.containers.length + reaped.networks.length > 0) log(leftoversLine(reaped));
  } catch (error) {
    log(`could not look for leftovers of killed runs: ${errorText(error)}`);
  }
}

/** E.g. `removed 3 containers and 1 network left by killed run mx7uje078830a0`. */
export function leftoversLine(reaped: ReapedLeftovers): string {
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  const runs = reaped.runs.length === 1 ? 'killed run' : 'killed runs';
  return (
    `removed ${count(reaped.containers.length, 'container')} and ${count(reaped.networks.length, 'network')}` +
    ` left by ${runs} ${reaped.runs.join(', ')}`
  );
}
