// The CLI entry that bin/faultline.js imports: run the program and exit with its code.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
