import type { Command } from 'commander';
import { reap } from '../../control/reap.js';

/** `faultline clean`: remove containers and networks left behind by runs that were killed hard. */
export function addCleanCommand(program: Command): void {
  program
    .command('clean')
    .description('Remove faultline containers and networks left by runs whose process is gone (by label).')
    .option('--run <id>', 'remove everything of this run id (e.g. one kept with --keep)')
    .option('--all', 'remove every faultline container and network, even of runs still going')
    .addHelpText(
      'after',
      `
Examples:
  $ faultline clean
  $ faultline clean --run lq3x9a1b2c3
  $ faultline clean --all`,
    )
    .action(async (flags: { run?: string; all?: boolean }) => {
      const r = await reap({
        ...(flags.run ? { runId: flags.run } : {}),
        ...(flags.all ? { all: true } : {}),
      });
      process.stdout.write(`removed ${r.containers.length} containers and ${r.networks.length} networks\n`);
    });
}
