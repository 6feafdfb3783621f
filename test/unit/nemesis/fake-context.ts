import type { FaultKind } from '../../../src/core/nemesis.js';
import type { ExecOptions } from '../../../src/core/remote.js';
import type { System, SystemContext } from '../../../src/core/system.js';

/** A command a fake node was asked to run. */
export interface ExecCall {
  node: string;
  command: readonly string[];
  options?: ExecOptions;
}

/** A SystemContext over `nodes` whose remote records every exec and answers exit code 0. */
export function fakeContext(nodes: readonly string[] = ['n1', 'n2', 'n3']): {
  ctx: SystemContext;
  execs: ExecCall[];
} {
  const execs: ExecCall[] = [];
  const ctx: SystemContext = {
    cluster: {
      runId: 'fake',
      nodes,
      ip: (node) => `10.9.0.${nodes.indexOf(node) + 2}`,
      remote: {
        exec: (node, command, options) => {
          execs.push({ node, command, ...(options ? { options } : {}) });
          return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
        },
        upload: () => Promise.resolve(),
        download: () => Promise.resolve(undefined),
      },
    },
    options: {},
    log: () => {},
  };
  return { ctx, execs };
}

/** A system with no capabilities; tests add killable, pausable or process. */
export function bareSystem(extra: Partial<System> = {}): System {
  return {
    name: 'fake',
    description: 'a fake system',
    image: { name: 'fake', aptPackages: [] },
    version: () => Promise.resolve('1'),
    setup: () => Promise.resolve(),
    teardown: () => Promise.resolve(),
    logFiles: () => [],
    clients: {},
    ...extra,
  };
}

/** The start op a fault kind draws with a fixed rng (every draw 0: the first choice). */
export function firstStart(kind: FaultKind): ReturnType<FaultKind['start']> {
  return kind.start({ next: () => 0, int: () => 0, pick: (items) => items[0]! });
}
