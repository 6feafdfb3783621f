// The correctness test of faultline-fs: random sequences of writes, syncs and name changes run on
// the real FUSE layer in a container; after each, a lose must leave exactly the state the durability
// model (test/support/durability-oracle.ts) says is durable: no synced byte lost, no unsynced one kept.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type DockerCluster } from '../../../src/control/docker-cluster.js';
import { ensureImages } from '../../../src/control/images.js';
import { FS_OPS_BIN, fsLayerImage } from '../../../nemesis/fs-layer-image.js';
import { CTL_NAME, mountScript, parseLoseReport, unmountScript } from '../../../nemesis/fs-layer.js';
import { etcd } from '../../../systems/etcd/etcd.js';
import {
  concreteOp,
  DurabilityOracle,
  KIND_COUNT,
  LISTING_SCRIPT,
  opLine,
  type Command,
  type FsOp,
} from '../../support/durability-oracle.js';
import { testRunId } from '../systems/etcd/etcd-cluster.js';

const ROOT = '/mnt/fs-test';
const WORK = `${ROOT}/w`;
const T = 300_000;

describe('faultline-fs against its durability model', () => {
  let cluster: DockerCluster;
  const sh = async (script: string, stdin?: string): Promise<string> => {
    const r = await cluster.remote.exec(
      'n1',
      ['sh', '-c', stdin === undefined ? script : `${script} <<'FAULTLINE_EOF'\n${stdin}\nFAULTLINE_EOF`],
      {
        timeoutMs: 60_000,
      },
    );
    if (r.exitCode !== 0) throw new Error(`${script}: exit ${r.exitCode}: ${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  const listing = async (): Promise<string[]> =>
    (await sh(`cd ${WORK} && ${LISTING_SCRIPT}`)).split('\n').filter((l) => l !== '');
  const lose = async (): Promise<string> =>
    sh(`printf lose > ${ROOT}/${CTL_NAME} && cat ${ROOT}/${CTL_NAME}`);
  /** A fresh, durable, empty work directory. */
  const reset = async (): Promise<void> => {
    await sh(`rm -rf ${WORK} && mkdir ${WORK} && cd ${ROOT} && ${FS_OPS_BIN}`, 'fsyncdir .');
  };
  const runOps = async (ops: readonly FsOp[]): Promise<void> => {
    if (ops.length > 0) await sh(`cd ${WORK} && ${FS_OPS_BIN}`, ops.map(opLine).join('\n'));
  };

  beforeAll(async () => {
    const started = performance.now();
    const { image } = await ensureImages(etcd.image, { layer: fsLayerImage(), onProgress: () => {} });
    console.log(`image with the fs layer ready in ${Math.round(performance.now() - started)} ms: ${image}`);
    cluster = await createCluster({
      runId: testRunId('fs'),
      nodeCount: 1,
      image,
      privileges: { capAdd: ['SYS_ADMIN'], devices: ['/dev/fuse'] },
    });
    await sh(mountScript(ROOT));
  });
  afterAll(async () => {
    if (!cluster) return;
    await sh(unmountScript(ROOT)).catch(() => {});
    await cluster.destroy();
  });

  it(
    'keeps synced data and loses exactly the unsynced: known cases',
    async () => {
      await reset();
      const oracle = new DurabilityOracle();
      const ops: FsOp[] = [
        { op: 'creat', path: 'kept' },
        { op: 'write', path: 'kept', off: 0, len: 10_000, byte: 65 },
        { op: 'fsync', path: 'kept' }, // content and name durable
        { op: 'write', path: 'kept', off: 4000, len: 100, byte: 66 }, // overwrite, lost
        { op: 'append', path: 'kept', len: 50, byte: 67 }, // append, lost
        { op: 'mkdir', path: 'd' },
        { op: 'creat', path: 'd/synced-dir' },
        { op: 'dsync-write', path: 'd/synced-dir', off: 0, len: 5, byte: 69 }, // O_DSYNC: durable with its name
        { op: 'creat', path: 'new' },
        { op: 'write', path: 'new', off: 0, len: 10, byte: 68 }, // never synced: the name is lost
        { op: 'sync-range', path: 'new' }, // sync_file_range makes nothing durable
      ];
      await runOps(ops);
      for (const o of ops) oracle.apply(o);
      expect(await listing()).toEqual(oracle.listing());
      const report = parseLoseReport(await lose());
      oracle.crash();
      expect(await listing()).toEqual(oracle.listing());
      expect(await listing()).toEqual([
        'd d',
        `f d/synced-dir 5 ${md5(Buffer.alloc(5, 69))}`,
        `f kept 10000 ${md5(Buffer.alloc(10_000, 65))}`,
      ]);
      expect(report).toMatchObject({ errors: 0 });
      expect(report!.appended_bytes).toBeGreaterThanOrEqual(50);
    },
    T,
  );

  it(
    'an unlink or rename not made durable comes back; a directory fsync makes it stick',
    async () => {
      await reset();
      const setup: FsOp[] = [
        { op: 'creat', path: 'a' },
        { op: 'write', path: 'a', off: 0, len: 100, byte: 1 },
        { op: 'fsync', path: 'a' },
        { op: 'creat', path: 'tmp' },
        { op: 'write', path: 'tmp', off: 0, len: 200, byte: 2 },
        { op: 'fsync', path: 'tmp' },
        { op: 'creat', path: 'gone' },
        { op: 'fsyncdir', path: '.' },
        { op: 'rename', path: 'tmp', to: 'a' }, // the atomic-replace idiom, without the directory fsync
        { op: 'unlink', path: 'gone' }, // not durable: comes back
      ];
      await runOps(setup);
      await lose();
      expect(await listing()).toEqual([
        `f a 100 ${md5(Buffer.alloc(100, 1))}`,
        `f gone 0 ${md5(Buffer.alloc(0))}`,
        `f tmp 200 ${md5(Buffer.alloc(200, 2))}`,
      ]);
      await runOps([
        { op: 'rename', path: 'tmp', to: 'a' },
        { op: 'unlink', path: 'gone' },
        { op: 'fsyncdir', path: '.' },
      ]);
      await lose();
      expect(await listing()).toEqual([`f a 200 ${md5(Buffer.alloc(200, 2))}`]);
    },
    T,
  );

  it(
    'random sequences: the state after a lose is exactly the durable state of the model',
    async () => {
      const command = fc.record({
        kind: fc.nat(KIND_COUNT - 1),
        x: fc.nat(1000),
        y: fc.nat(100_000),
        z: fc.nat(100_000),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 40 }), async (commands: Command[]) => {
          await reset();
          const oracle = new DurabilityOracle();
          const ops: FsOp[] = [];
          for (const c of commands) {
            const o = concreteOp(oracle, c);
            if (!o) continue;
            oracle.apply(o);
            ops.push(o);
          }
          await runOps(ops);
          expect(await listing()).toEqual(oracle.listing());
          const report = parseLoseReport(await lose());
          expect(report?.errors).toBe(0);
          oracle.crash();
          expect(await listing()).toEqual(oracle.listing());
        }),
        { numRuns: 30, seed: 13, endOnFailure: true },
      );
    },
    T,
  );
});

function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}
