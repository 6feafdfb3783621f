// The CLI entry that bin/faultline.js imports: run the program and exit with its code.
import { runCli } from './run-cli.js';

// A reader that closed early (`faultline ... | head`) is not a crash: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
