import { Command } from 'commander';
import { addAnalyzeCommand } from './commands/analyze.js';
import { addCheckCommand } from './commands/check.js';
import { addCleanCommand } from './commands/clean.js';
import { addNewCommand } from './commands/new.js';
import { addServeCommand } from './commands/serve.js';
import { addSystemsCommand } from './commands/systems.js';
import { addTestAllCommand } from './commands/test-all.js';
import { addTestCommand } from './commands/test.js';
import { packageVersion } from './package-version.js';

/** The faultline command line: one `addXCommand(program)` line per command. */
export function createProgram(): Command {
  const program = new Command('faultline')
    .description('Jepsen-style fault-injection testing for databases, and fast consistency checkers.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .allowExcessArguments(false)
    .addHelpText(
      'after',
      `
Exit codes: 0 valid, 1 invalid, 2 unknown, 254 bad arguments or input, 255 crash.

Examples:
  $ faultline check examples/cas-register-valid.jsonl --model cas-register
  $ faultline check --help
  $ faultline <command> --help`,
    );
  addCheckCommand(program);
  addTestCommand(program);
  addTestAllCommand(program);
  addSystemsCommand(program);
  addAnalyzeCommand(program);
  addCleanCommand(program);
  addServeCommand(program);
  addNewCommand(program);
  return program;
}
