import { Command, Help } from 'commander';
import { commandTable, type CommandEntry } from './command-table.js';
import { packageVersion } from './package-version.js';

/**
 * The faultline command line for `argv` (without node and script): the named command is declared in
 * full, every other one only by its term and summary, so `faultline check` never loads Docker code.
 */
export async function createProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('faultline')
    .description('Jepsen-style fault-injection testing for databases, and fast consistency checkers.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .allowExcessArguments(false)
    .configureHelp({ subcommandTerm: (cmd) => termOf(cmd) })
    .addHelpText(
      'after',
      `
Exit codes: 0 valid, 1 invalid, 2 unknown, 254 bad arguments or input, 255 crash.

Examples:
  $ faultline check examples/cas-register-valid.jsonl --model cas-register
  $ faultline check --help
  $ faultline <command> --help`,
    );
  const wanted = commandWord(argv);
  for (const entry of commandTable) {
    if (entry.name === wanted) (await entry.load())(program);
    else addPlaceholder(program, entry);
  }
  return program;
}

/** The command `argv` runs: its first word, or the one after `help` (`faultline help check`). */
export function commandWord(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

const placeholders = new WeakMap<Command, CommandEntry>();

/** A command that is listed in the help but not loaded, because this invocation does not run it. */
function addPlaceholder(program: Command, entry: CommandEntry): void {
  const cmd = program.command(entry.name).description(entry.summary);
  placeholders.set(cmd, entry);
}

/** How the help lists `cmd`: a placeholder by its recorded term, a loaded command as commander would. */
export function termOf(cmd: Command): string {
  return placeholders.get(cmd)?.term ?? new Help().subcommandTerm(cmd);
}
