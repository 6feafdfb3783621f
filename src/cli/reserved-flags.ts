import { Command } from 'commander';
import { addRunOptions, addWorkloadOptions, declaredFlags } from './test-options.js';

/** Flags of `test` and `test-all` themselves, beside the common run and workload flags. */
const COMMAND_FLAGS = [
  '--workload',
  '--nemesis',
  '--keep',
  '--op-timeout',
  '--recover',
  '--workloads',
  '--nemeses',
  '--test-count',
  '--help',
  '--version',
];

/** Every flag faultline declares on a test command: no system option may take one of these. */
export const RESERVED_TEST_FLAGS: readonly string[] = [
  ...declaredFlags(
    addWorkloadOptions(
      addRunOptions(new Command(), { nodes: 1, timeLimit: 1, rate: 1, nemesisInterval: 1, seedHelp: '' }),
    ),
  ),
  ...COMMAND_FLAGS,
];
