// The harness's own cost: how many ops/s the interpreter can drive, and how much latency it adds
// per op, against (1) an instant in-process client and (2) a trivial TCP echo server in a container.
import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '../../src/core/client.js';
import type { Cluster } from '../../src/core/remote.js';
import type { ClientFactory, SystemContext } from '../../src/core/system.js';
import { dockerEngine } from '../../src/control/docker-engine.js';
import { ensureBaseImage } from '../../src/control/base-image.js';
import { createCluster, type DockerCluster } from '../../src/control/docker-cluster.js';
import { fromFn } from '../../src/generator/from-fn.js';
import { limit } from '../../src/generator/limit.js';
import { clients } from '../../src/generator/on-threads.js';
import { createRng } from '../../src/generator/rng.js';
import { JsonlHistoryWriter } from '../../src/history/jsonl-history-writer.js';
import { createClock } from '../../src/runner/clock.js';
import { HistoryRecorder } from '../../src/runner/history-recorder.js';
import { interpret } from '../../src/runner/interpreter.js';
import { WorkerPool } from '../../src/runner/worker-pool.js';
import type { BenchCase, BenchSuite } from '../harness.js';

const PORT = 7000;
/** A forking line-echo server; perl-base is in every Debian image, so no image build is needed. */
const ECHO_SERVER = `use IO::Socket::INET; $SIG{CHLD}='IGNORE';
my $s = IO::Socket::INET->new(LocalPort => ${PORT}, Listen => 128, ReuseAddr => 1) or die "listen: $!";
while (my $c = $s->accept) { if (!fork) { $c->autoflush(1); while (my $l = <$c>) { print $c $l } exit 0 } close $c }`;

/** One TCP connection, one request line at a time. */
class EchoConnection {
  private buffer = '';
  private waiting: ((line: string) => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => {
      this.buffer += d.toString();
      const nl = this.buffer.indexOf('\n');
      if (nl >= 0 && this.waiting) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        const w = this.waiting;
        this.waiting = undefined;
        w(line);
      }
    });
  }

  static open(host: string): Promise<EchoConnection> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.once('error', reject);
      socket.connect(PORT, host, () => resolve(new EchoConnection(socket)));
    });
  }

  request(line: string): Promise<string> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(line + '\n');
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

const echoClients: ClientFactory = {
  async open(ctx, node) {
    const conn = await openWithRetry(ctx.cluster.ip(node));
    const client: Client = {
      invoke: async (op) => ({ type: 'ok', value: Number(await conn.request(String(op.value))) }),
      close: async () => conn.close(),
    };
    return client;
  },
};

async function openWithRetry(host: string): Promise<EchoConnection> {
  for (let i = 0; ; i++) {
    try {
      return await EchoConnection.open(host);
    } catch (error) {
      if (i > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const instantClients: ClientFactory = {
  open: async () => ({ invoke: async (op) => ({ type: 'ok', value: op.value }), close: async () => {} }),
};

const fakeCluster: Cluster = {
  runId: 'bench',
  nodes: ['n1'],
  ip: () => '127.0.0.1',
  remote: {
    exec: async () => ({ exitCode: 0, stdout: '', stderr: '' }),
    upload: async () => {},
    download: async () => undefined,
  },
};

interface Drive {
  opsPerSec: number;
  /** Median invoke-to-completion time recorded in the history, µs. */
  p50Us: number;
  /** Median time from a completion to the next invocation, µs (meaningful for concurrency 1). */
  gapP50Us: number;
  /** Mean wall time per op, µs: with one worker, the medians plus the scheduling tail. */
  usPerOp: number;
}

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;

/** Drives `ops` ops through the real interpreter, worker pool and JSONL history writer. */
async function drive(
  cluster: Cluster,
  factory: ClientFactory,
  concurrency: number,
  ops: number,
): Promise<Drive> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  const writer = new JsonlHistoryWriter(join(dir, 'history.jsonl'));
  const recorder = new HistoryRecorder(writer);
  const started = new Map<unknown, number>();
  const latencies: number[] = [];
  const gaps: number[] = [];
  let lastCompletion: number | undefined;
  recorder.onEvent((op) => {
    if (op.type === 'invoke') {
      started.set(op.process, op.time);
      if (lastCompletion !== undefined) gaps.push(op.time - lastCompletion);
    } else {
      latencies.push(op.time - started.get(op.process)!);
      lastCompletion = op.time;
    }
  });
  const ctx: SystemContext = { cluster, options: {}, log: () => {} };
  const pool = new WorkerPool({ ctx, clients: factory, concurrency, opTimeoutMs: 5000 });
  await pool.open();
  let n = 0;
  const signal = new AbortController().signal;
  setMaxListeners(0, signal);
  const generator = clients(
    limit(
      ops,
      fromFn(() => ({ f: 'echo', value: n++ })),
    ),
  );
  const t0 = performance.now();
  await interpret({
    pool,
    generator,
    rng: createRng(1),
    clock: createClock(),
    recorder,
    signal,
  });
  const ms = performance.now() - t0;
  await pool.close();
  writer.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    opsPerSec: Math.round((ops * 1000) / ms),
    p50Us: Math.round(median(latencies) / 1000),
    gapP50Us: Math.round(median(gaps) / 1000),
    usPerOp: Math.round((ms * 1000) / ops),
  };
}

/** Median round trip of a bare loop on one connection, without the harness, µs. */
async function rawRoundTrip(host: string, ops: number): Promise<number> {
  const conn = await openWithRetry(host);
  const times: number[] = [];
  for (let i = 0; i < ops; i++) {
    const t = process.hrtime.bigint();
    await conn.request(String(i));
    times.push(Number(process.hrtime.bigint() - t));
  }
  conn.close();
  return Math.round(median(times) / 1000);
}

/** A one-node cluster running the echo server (labelled: `faultline clean` reaps it if a run dies). */
async function echoCluster(): Promise<DockerCluster> {
  const docker = await dockerEngine();
  const image = await ensureBaseImage({ docker });
  const cluster = await createCluster({
    runId: `bench${Date.now().toString(36)}`,
    nodeCount: 1,
    image,
    docker,
  });
  await cluster.remote.exec('n1', ['perl', '-e', ECHO_SERVER], { detach: true });
  await rawRoundTrip(cluster.ip('n1'), 10);
  return cluster;
}

function instant(concurrency: number, ops: number): BenchCase<null> {
  return {
    name: `instant-client-c${concurrency}`,
    quick: true,
    params: { concurrency, ops, server: 'none (in-process client resolving at once)' },
    prepare: () => null,
    run: async () => ({ ops, verdict: await drive(fakeCluster, instantClients, concurrency, ops) }),
  };
}

function echo(concurrency: number, ops: number): BenchCase<DockerCluster> {
  return {
    name: `echo-in-container-c${concurrency}`,
    params: { concurrency, ops, server: 'perl TCP line echo in one container' },
    prepare: echoCluster,
    // The timed run includes removing the container (a BenchCase has no teardown); the harness's
    // own numbers are in the verdict.
    run: async (cluster) => {
      try {
        const harness = await drive(cluster, echoClients, concurrency, ops);
        if (concurrency !== 1) return { ops, verdict: harness };
        const rawP50Us = await rawRoundTrip(cluster.ip('n1'), ops);
        const addedP50Us = harness.p50Us + harness.gapP50Us - rawP50Us;
        return { ops, verdict: { ...harness, rawP50Us, addedP50Us } };
      } finally {
        await cluster.destroy();
        // A Docker API socket left open must not keep this bench child (awaited by spawnSync) alive.
        setTimeout(() => process.exit(0), 10_000).unref();
      }
    },
  };
}

export const suite: BenchSuite = {
  name: 'harness',
  cases: () => [instant(1, 20_000), instant(10, 50_000), echo(1, 2000), echo(10, 5000)] as BenchCase[],
};
