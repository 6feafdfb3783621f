import { existsSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../src/core/client.js';
import { FaultlineError } from '../../../src/core/errors.js';
import type { FaultKind, Nemesis } from '../../../src/core/nemesis.js';
import type { Op, Value } from '../../../src/core/op.js';
import type { System } from '../../../src/core/system.js';
import { readHistory } from '../../../src/history/read-history.js';
import type { ManagedCluster, Platform } from '../../../src/runner/platform.js';
import { runTest } from '../../../src/runner/run-test.js';
import type { TestSpec } from '../../../src/runner/test-spec.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';
import { setWorkload } from '../../../workloads/set/set-workload.js';

// An in-process "database" and platform: the runner's whole pipeline without Docker.

const tick = () => new Promise((r) => setTimeout(r, Math.random() * 2));

function memPlatform(events: string[]): Platform {
  return {
    name: 'mem',
    images: async () => 'mem:1',
    createCluster: async ({ runId, nodes }) => {
      const names = Array.from({ length: nodes }, (_, i) => `n${i + 1}`);
      const cluster: ManagedCluster = {
        runId,
        nodes: names,
        ip: (n) => `10.0.0.${names.indexOf(n) + 1}`,
        remote: {
          exec: async () => ({ exitCode: 0, stdout: '', stderr: '' }),
          upload: async () => {},
          download: async () => undefined,
        },
        collectLogs: async (dir, files) => {
          for (const n of names) {
            mkdirSync(join(dir, n), { recursive: true });
            writeFileSync(join(dir, n, 'mem.log'), files(n).join('\n'));
          }
          return names;
        },
        destroy: async () => {
          events.push('destroy');
        },
      };
      events.push('create');
      return cluster;
    },
    reap: async () => {
      events.push('reap');
    },
  };
}

/** Register and set clients over shared state; `staleNode` reads a snapshot that never changes. */
function memSystem(options: { staleNode?: string; infoEvery?: number } = {}): System {
  const regs = new Map<number, number>();
  const set = new Set<number>();
  let n = 0;
  const registerClient = (node: string): Client => ({
    async invoke(op) {
      await tick();
      const [k, arg] = op.value as [number, Value];
      if (options.infoEvery && ++n % options.infoEvery === 0 && op.f === 'write') {
        regs.set(k, arg as number);
        return { type: 'info', value: op.value, error: 'lost the reply' };
      }
      if (op.f === 'read')
        return { type: 'ok', value: [k, node === options.staleNode ? null : (regs.get(k) ?? null)] };
      if (op.f === 'write') {
        regs.set(k, arg as number);
        return { type: 'ok', value: op.value };
      }
      const [from, to] = arg as [number, number];
      if ((regs.get(k) ?? null) !== from) return { type: 'fail', value: op.value };
      regs.set(k, to);
      return { type: 'ok', value: op.value };
    },
    close: async () => {},
  });
  const setClient: Client = {
    async invoke(op) {
      await tick();
      if (op.f === 'add') {
        set.add(op.value as number);
        return { type: 'ok', value: op.value };
      }
      return { type: 'ok', value: [...set].sort((a, b) => a - b) };
    },
    close: async () => {},
  };
  return {
    name: 'mem',
    description: 'in-memory',
    image: { name: 'mem', aptPackages: [] },
    version: async () => 'mem-1',
    setup: async () => {},
    teardown: async () => {},
    logFiles: () => ['/var/log/mem.log'],
    clients: {
      register: { open: async (_ctx, node) => registerClient(node) },
      set: { open: async () => setClient },
    },
  };
}

function memNemesis(events: string[]): { nemesis: Nemesis; faults: FaultKind[] } {
  return {
    nemesis: {
      name: 'mem',
      fs: ['start-noop', 'stop-noop'],
      setup: async () => {},
      invoke: async (_ctx, op) => ({ type: 'info', value: op.value }),
      teardown: async () => {
        events.push('heal');
      },
    },
    faults: [
      {
        name: 'noop',
        start: () => ({ f: 'start-noop', value: 'n1' }),
        stop: { f: 'stop-noop', value: null },
      },
    ],
  };
}

function spec(store: string, events: string[], over: Partial<TestSpec>): TestSpec {
  return {
    system: memSystem(),
    workload: registerWorkload,
    nemesis: memNemesis(events),
    nodes: 3,
    concurrency: 6,
    timeLimitS: 1.5,
    rate: 300,
    seed: 1,
    nemesisIntervalS: 0.2,
    storeDir: store,
    recoverS: 0,
    progress: 'none',
    signals: [],
    platform: memPlatform(events),
    command: ['faultline', 'test', 'mem'],
    ...over,
  };
}

describe('runTest (in-memory platform)', () => {
  it('runs, records, heals, cleans up and checks a valid register history', async () => {
    const store = mkdtempSync(join(tmpdir(), 'faultline-run-'));
    const events: string[] = [];
    const outcome = await runTest(spec(store, events, { system: memSystem({ infoEvery: 25 }) }));
    expect(outcome.status).toBe('passed');
    expect(outcome.results.map((r) => [r.checker, r.valid, r.unknownReason])).toEqual([
      ['linearizability', true, undefined],
      ['some-ok', true, undefined],
    ]);
    expect(outcome.verdict).toBe(true);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.counts.ok).toBeGreaterThan(100);
    expect(events).toEqual(['create', 'heal', 'heal', 'destroy', 'reap']);
    for (const f of [
      'history.jsonl',
      'test.json',
      'results.json',
      'junit.xml',
      'index.html',
      'logs/n1/mem.log',
    ]) {
      expect(existsSync(join(outcome.runDir, f)), f).toBe(true);
    }
    expect(readlinkSync(join(store, 'latest'))).toBe(join('mem-register', outcome.runDir.split('/').at(-1)!));
    const test = JSON.parse(readFileSync(join(outcome.runDir, 'test.json'), 'utf8'));
    expect(test).toMatchObject({
      seed: 1,
      status: 'passed',
      command: ['faultline', 'test', 'mem'],
      versions: { system: 'mem-1' },
    });

    const history = await readHistory(join(outcome.runDir, 'history.jsonl'));
    const nemesis = history.filter((o) => o.process === 'nemesis');
    expect(nemesis.length).toBeGreaterThanOrEqual(8);
    // A process never invokes again after an info; its thread goes on as process + concurrency.
    const crashed = new Set<Op['process']>();
    for (const o of history) {
      if (o.process === 'nemesis') continue;
      expect(crashed.has(o.process)).toBe(false);
      if (o.type === 'info') crashed.add(o.process);
    }
    expect(crashed.size).toBeGreaterThan(0);
    expect(history.some((o) => typeof o.process === 'number' && o.process >= 6)).toBe(true);
    // Times are monotonic.
    for (let i = 1; i < history.length; i++)
      expect(history[i]!.time).toBeGreaterThanOrEqual(history[i - 1]!.time);
  });

  it('reports stale reads as not linearizable (exit 1)', async () => {
    const store = mkdtempSync(join(tmpdir(), 'faultline-run-'));
    const outcome = await runTest(spec(store, [], { system: memSystem({ staleNode: 'n2' }) }));
    expect(outcome.verdict).toBe(false);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.results.find((r) => r.checker === 'linearizability')?.valid).toBe(false);
  });

  it('runs the set workload with its final read after healing', async () => {
    const store = mkdtempSync(join(tmpdir(), 'faultline-run-'));
    const events: string[] = [];
    const outcome = await runTest(spec(store, events, { workload: setWorkload, timeLimitS: 1 }));
    expect(outcome.verdict).toBe(true);
    const history = await readHistory(join(outcome.runDir, 'history.jsonl'));
    const read = history.findIndex((o) => o.f === 'read');
    const healed = history.findIndex((o) => o.process === 'nemesis' && o.healedBy === 'teardown');
    expect(read).toBeGreaterThan(-1);
    if (healed !== -1) expect(read).toBeGreaterThan(healed);
  });

  it('records the primaries after every nemesis op, also the stop of the final heal', async () => {
    const store = mkdtempSync(join(tmpdir(), 'faultline-run-'));
    let asked = 0;
    const system: System = {
      ...memSystem(),
      primaries: { primaries: async () => [`n${++asked}`] },
    };
    // One fault starts at 0.5 s and is still active at 0.8 s, so the teardown heal stops it.
    const outcome = await runTest(spec(store, [], { system, timeLimitS: 0.8, nemesisIntervalS: 0.5 }));
    expect(outcome.status).toBe('passed');
    const history = await readHistory(join(outcome.runDir, 'history.jsonl'));
    const completions = history.filter((o) => o.process === 'nemesis' && o.type === 'info');
    expect(completions.map((o) => [o.f, o.value, o.healedBy])).toEqual([
      ['start-noop', { value: 'n1', primaries: ['n1'] }, undefined],
      ['stop-noop', { primaries: ['n2'] }, 'teardown'],
    ]);
  });

  it('tears down and reports a crash when the system fails to start (exit 255)', async () => {
    const store = mkdtempSync(join(tmpdir(), 'faultline-run-'));
    const events: string[] = [];
    const system = { ...memSystem(), setup: () => Promise.reject(new Error('no quorum')) };
    const outcome = await runTest(spec(store, events, { system }));
    expect(outcome.status).toBe('failed');
    expect(outcome.exitCode).toBe(255);
    expect(events).toEqual(['create', 'destroy', 'reap']);
    const test = JSON.parse(readFileSync(join(outcome.runDir, 'test.json'), 'utf8'));
    expect(test).toMatchObject({ status: 'failed', error: 'no quorum' });
  });

  it('a run stopped by an error in what the user gave (a host key) exits 254 and prints its hint', async () => {
    const store = mkdtempSync(join(tmpdir(), 'faultline-run-'));
    const events: string[] = [];
    const lines: string[] = [];
    const refused = new FaultlineError('SSH_HOST_KEY_UNKNOWN', 'The host key of h1 is not known.', {
      hint: 'Add it to known_hosts.',
    });
    const platform = { ...memPlatform(events), createCluster: () => Promise.reject(refused) };
    const output = { write: (text: string) => lines.push(text) } as unknown as NodeJS.WritableStream;
    const outcome = await runTest(spec(store, events, { platform, output, progress: 'plain' }));
    expect(outcome.status).toBe('failed');
    expect(outcome.exitCode).toBe(254);
    expect(lines.join('')).toMatch(
      /run failed in cluster: The host key of h1 is not known\.\n {2}Add it to known_hosts\./,
    );
  });
});
