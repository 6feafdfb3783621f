// Runs benchmark suites: `npm run bench -- [--suite NAME] [--case TEXT] [--quick] [--runs N]`.
// Every repetition of a case runs in a fresh child process, so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FaultlineError } from '../src/core/errors.js';
import { median, type BenchCase, type BenchRecord, type BenchSuite } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const fromSource = import.meta.url.endsWith('.ts');
/** bench/results.json in the repository, also when running from dist/bench. */
const resultsFile = resolve(here, fromSource ? '.' : '../../bench', 'results.json');

interface Args {
  suite?: string;
  case?: string;
  quick: boolean;
  runs?: number;
  child?: { file: string; name: string };
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined)
        throw new FaultlineError('BAD_ARGUMENT', `${a} needs a value`, {
          hint: 'e.g. --suite linearizability',
        });
      return v;
    };
    if (a === '--suite') args.suite = value();
    else if (a === '--case') args.case = value();
    else if (a === '--quick') args.quick = true;
    else if (a === '--runs') args.runs = Number(value());
    else if (a === '--child') args.child = { file: value(), name: value() };
    else
      throw new FaultlineError('BAD_ARGUMENT', `unknown argument ${a}`, {
        hint: 'Use --suite NAME, --case TEXT, --quick, --runs N.',
      });
  }
  return args;
}

async function loadSuite(file: string): Promise<BenchSuite> {
  const mod = (await import(pathToFileURL(file).href)) as { suite?: BenchSuite };
  if (!mod.suite)
    throw new FaultlineError('INTERNAL', `${file} does not export \`suite\``, {
      hint: 'A bench suite exports `suite: BenchSuite`.',
    });
  return mod.suite;
}

/** Child mode: run one case once and print its measurements as JSON. */
async function runChild(file: string, name: string): Promise<void> {
  const suite = await loadSuite(file);
  if (!suite) throw new FaultlineError('INTERNAL', `${file} does not export \`suite\``);
  const c = suite.cases().find((x) => x.name === name) as BenchCase | undefined;
  if (!c) throw new FaultlineError('BAD_ARGUMENT', `no case "${name}" in suite ${suite.name}`);
  const input = c.prepare ? await c.prepare() : undefined;
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const result = await c.run(input);
  const ms = performance.now() - started;
  const peakRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(
    `\n@@bench ${JSON.stringify({ ms, ops: result.ops, verdict: result.verdict ?? null, peakRssKiB })}\n`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return runChild(args.child.file, args.child.name);
  const suitesDir = join(here, 'suites');
  const ext = fromSource ? '.ts' : '.js';
  const files = readdirSync(suitesDir)
    .filter((f) => f.endsWith(ext) && !f.endsWith('.d.ts'))
    .filter((f) => !args.suite || basename(f, ext) === args.suite)
    .map((f) => join(suitesDir, f));
  if (files.length === 0)
    throw new FaultlineError('BAD_ARGUMENT', `no bench suite matches ${args.suite ?? '*'} in ${suitesDir}`);
  const existing = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { results?: Record<string, BenchRecord> })
    : {};
  const results: Record<string, BenchRecord> = existing.results ?? {};
  const runs = args.runs ?? (args.quick ? 1 : 3);
  for (const file of files) {
    const suite = await loadSuite(file);
    if (!suite) {
      process.stderr.write(`skipping ${file}: it does not export \`suite: BenchSuite\`\n`);
      continue;
    }
    for (const c of suite.cases()) {
      if (args.quick && !c.quick) continue;
      if (args.case && !c.name.includes(args.case)) continue;
      const measured: { ms: number; ops: number; verdict: unknown; peakRssKiB: number }[] = [];
      for (let r = 0; r < runs; r++) {
        const child = spawnSync(
          process.execPath,
          [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), '--child', file, c.name],
          {
            encoding: 'utf8',
            maxBuffer: 64 << 20,
          },
        );
        const line = child.stdout.split('\n').find((l) => l.startsWith('@@bench '));
        if (child.status !== 0 || !line) {
          process.stderr.write(
            `${suite.name}/${c.name}: run failed (exit ${child.status})\n${child.stderr.slice(-2000)}\n`,
          );
          break;
        }
        measured.push(JSON.parse(line.slice('@@bench '.length)) as (typeof measured)[number]);
      }
      if (measured.length === 0) continue;
      const ms = measured.map((m) => m.ms);
      const medianMs = median(ms);
      const record: BenchRecord = {
        suite: suite.name,
        case: c.name,
        params: c.params,
        runs: measured.length,
        medianMs: Math.round(medianMs * 10) / 10,
        ms: ms.map((x) => Math.round(x * 10) / 10),
        opsPerSec: Math.round(measured[0]!.ops / (medianMs / 1000)),
        peakRssMiB: Math.round(Math.max(...measured.map((m) => m.peakRssKiB)) / 1024),
        verdict: measured[measured.length - 1]!.verdict,
        date: new Date().toISOString(),
        node: process.version,
        cpus: availableParallelism(),
        quick: args.quick,
      };
      // Re-read before writing: other suites may have written meanwhile.
      const latest = existsSync(resultsFile)
        ? ((JSON.parse(readFileSync(resultsFile, 'utf8')) as { results?: Record<string, BenchRecord> })
            .results ?? {})
        : {};
      Object.assign(results, latest, { [`${suite.name}/${c.name}`]: record });
      process.stdout.write(
        `${`${suite.name}/${c.name}`.padEnd(60)} ${String(record.medianMs).padStart(10)} ms ${String(record.opsPerSec).padStart(10)} ops/s ${String(record.peakRssMiB).padStart(6)} MiB  ${JSON.stringify(record.verdict)}\n`,
      );
      writeFileSync(
        resultsFile,
        `${JSON.stringify({ updated: new Date().toISOString(), results }, null, 2)}\n`,
      );
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof FaultlineError ? error.describe() : String(error)}\n`);
  process.exit(error instanceof FaultlineError && error.code === 'BAD_ARGUMENT' ? 254 : 255);
});
