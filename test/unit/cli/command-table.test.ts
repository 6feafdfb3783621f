// The command table lists each command without loading it; this keeps its entries equal to the commands.
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandTable } from '../../../src/cli/command-table.js';
import { commandWord, createProgram, termOf } from '../../../src/cli/program.js';

describe('command table', () => {
  for (const entry of commandTable) {
    it(`${entry.name}: term and summary match its declaration`, async () => {
      const program = new Command('faultline');
      (await entry.load())(program);
      const cmd = program.commands.find((c) => c.name() === entry.name);
      expect(cmd, `${entry.name} declares a command of that name`).toBeDefined();
      expect(new Help().subcommandTerm(cmd!)).toBe(entry.term);
      expect(cmd!.description()).toBe(entry.summary);
    });
  }

  it('the top-level help lists every command by its term, without loading them', async () => {
    const program = await createProgram(['--help']);
    expect(program.commands.map((c) => termOf(c))).toEqual(commandTable.map((e) => e.term));
    expect(program.commands.every((c) => c.options.length === 0)).toBe(true);
  });

  it('declares the invoked command in full and the others as placeholders', async () => {
    const program = await createProgram(['check', 'x.jsonl', '--model', 'register']);
    const check = program.commands.find((c) => c.name() === 'check')!;
    expect(check.options.map((o) => o.long)).toContain('--model');
    const others = program.commands.filter((c) => c.name() !== 'check');
    expect(others.every((c) => c.options.length === 0)).toBe(true);
  });

  it('finds the command word after options and after `help`', () => {
    expect(commandWord(['--version'])).toBeUndefined();
    expect(commandWord(['check', 'h.jsonl'])).toBe('check');
    expect(commandWord(['help', 'serve'])).toBe('serve');
    expect(commandWord(['-h', 'analyze', 'store/latest'])).toBe('analyze');
  });
});
