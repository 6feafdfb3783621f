import { InvalidArgumentError, type Command } from 'commander';
import { FaultlineError } from '../../core/errors.js';
import { serveStore } from '../../../reports/run-browser/serve-store.js';

/** Commander parser for a TCP port (0 picks a free one). */
function port(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > 65535)
    throw new InvalidArgumentError('It must be a port number, 0-65535.');
  return n;
}

/** `faultline serve`: browse the runs of a store and their reports over HTTP, until interrupted. */
export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Browse stored runs and their reports: a table of every run, newest first, filterable.')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', port, 8080)
    .option(
      '--host <address>',
      'interface to bind; anything but 127.0.0.1 shares your runs on the network',
      '127.0.0.1',
    )
    .option('--store <dir>', 'store directory holding the runs', 'store')
    .addHelpText(
      'after',
      `
Every directory under the store holding a results.json is a run; its index.html, results.json,
junit.xml, history.jsonl and logs/ are linked from the table.

Examples:
  $ faultline serve
  $ faultline serve --port 9000 --store /var/faultline/store`,
    )
    .action(async (flags: { port: number; host: string; store: string }) => {
      let started;
      try {
        started = await serveStore({ store: flags.store, port: flags.port, host: flags.host });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          throw new FaultlineError('RUN_NOT_FOUND', `store directory ${flags.store} does not exist`, {
            hint: 'Run `faultline test` first, or pass --store <dir>.',
            cause: error,
          });
        }
        if (code === 'EADDRINUSE' || code === 'EACCES') {
          throw new FaultlineError('BAD_ARGUMENT', `cannot listen on ${flags.host}:${flags.port} (${code})`, {
            hint: 'Pick another port with --port, or --port 0 for any free one.',
            cause: error,
          });
        }
        throw error;
      }
      process.stdout.write(`faultline: serving ${flags.store} at ${started.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((done) => {
        const stop = (): void => {
          started.server.close(() => done());
          started.server.closeAllConnections();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
