import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../../../src/core/errors.js';
import type { System } from '../../../src/core/system.js';
import { createRng } from '../../../src/generator/rng.js';
import { corruptFault } from '../../../nemesis/corrupt-nemesis.js';
import {
  corruptScript,
  FLIPS,
  listScript,
  parseList,
  planCorruption,
  type CandidateFile,
} from '../../../nemesis/corruption-plan.js';
import { fsLayer, mountRoot, mountScript, parseLoseReport } from '../../../nemesis/fs-layer.js';
import { loseUnsyncedFault } from '../../../nemesis/lose-unfsynced-nemesis.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { etcd } from '../../../systems/etcd/etcd.js';
import { postgresSystem } from '../../../systems/postgres/postgres-system.js';

const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];

describe('lose-unfsynced schedule', () => {
  it('starts on seeded, reproducible nodes of a target and stops by restarting them', () => {
    const fault = loseUnsyncedFault(nodes);
    const a = fault.start(createRng(3));
    expect(a).toEqual(fault.start(createRng(3)));
    expect(a.f).toBe('start-lose-unfsynced');
    expect((a.value as string[]).every((n) => nodes.includes(n))).toBe(true);
    expect(fault.stop).toEqual({ f: 'stop-lose-unfsynced', value: null });
    const sizes = new Set(
      Array.from({ length: 200 }, (_, s) => (fault.start(createRng(s)).value as string[]).length),
    );
    expect([...sizes].sort()).toEqual([1, 2, 3, 5]); // one, minority, majority, all
  });

  it('asks for FUSE privileges, the image layer and the mount only when chosen', () => {
    const pkg = nemesisPackage(['lose-unfsynced', 'partition'], { nodes });
    expect(pkg.privileges).toEqual({ capAdd: ['SYS_ADMIN'], devices: ['/dev/fuse'] });
    expect(pkg.image?.name).toBe('fs');
    expect(pkg.image?.aptPackages).toContain('libfuse3-dev');
    expect(Object.keys(pkg.image?.files ?? {}).some((p) => p.endsWith('/faultline-fs.c'))).toBe(true);
    expect(pkg.prepare).toHaveLength(1);
    expect([...pkg.nemesis.fs]).toContain('stop-lose-unfsynced');
    const plain = nemesisPackage(['partition', 'kill', 'corrupt'], { nodes });
    expect(plain.privileges).toBeUndefined();
    expect(plain.image).toBeUndefined();
  });

  it('refuses, before any container starts, systems that declare no storage or do not fsync', () => {
    const layer = fsLayer('lose-unfsynced');
    const bare: System = { ...etcd, storage: undefined };
    expect(() => layer.check(bare, {})).toThrow(FaultlineError);
    expect(() => layer.check(bare, {})).toThrow(/does not declare where it keeps its data/);
    const lazy: System = {
      ...etcd,
      storage: {
        ...etcd.storage!,
        notDurable: (o) => (o['fsync'] ? undefined : 'acknowledges before fsync'),
      },
    };
    expect(() => layer.check(lazy, {})).toThrow(/acknowledges before fsync/);
    expect(() => layer.check(lazy, { fsync: true })).not.toThrow();
    expect(() => layer.check(etcd, {})).not.toThrow();
    expect(() => layer.check(postgresSystem, {})).not.toThrow();
  });

  it('mounts on the parent of the data directory, so the system may recreate that directory', () => {
    expect(mountRoot(etcd.storage!)).toBe('/var/lib/faultline');
    expect(mountScript('/var/lib/faultline')).toContain(
      "grep -q ' /var/lib/faultline fuse.faultline ' /proc/mounts",
    );
  });

  it('reads the layer report, and nothing from a layer that never lost', () => {
    const text =
      'pending files=0 pages=0 appended_bytes=0 name_ops=0\nlast_lose files=2 pages=3 appended_bytes=66 name_ops=4 errors=0\n';
    expect(parseLoseReport(text)).toEqual({ files: 2, pages: 3, appended_bytes: 66, name_ops: 4, errors: 0 });
    expect(parseLoseReport('pending files=0\nlast_lose none\n')).toBeUndefined();
    expect(parseLoseReport('garbage')).toBeUndefined();
  });
});

describe('corrupt schedule and plans', () => {
  it('draws nodes, a mode and a seed reproducibly; stops by restarting', () => {
    const fault = corruptFault(nodes);
    const op = fault.start(createRng(9));
    expect(op).toEqual(fault.start(createRng(9)));
    const v = op.value as { nodes: string[]; mode: string; seed: number };
    expect(op.f).toBe('start-corrupt');
    expect(['truncate', 'bitflip']).toContain(v.mode);
    expect(v.nodes.length).toBeLessThanOrEqual(2); // one or a minority: a majority keeps serving
    expect(Number.isInteger(v.seed)).toBe(true);
    expect(fault.stop).toEqual({ f: 'stop-corrupt', value: null });
  });

  const files = fc.uniqueArray(
    fc.record({ path: fc.stringMatching(/^[a-z0-9/._-]{1,20}$/), size: fc.nat(1 << 20) }),
    { maxLength: 6, selector: (f) => f.path },
  );

  it('truncates a non-empty candidate by 1 byte up to half of it', () => {
    fc.assert(
      fc.property(files, fc.nat(), (fs: CandidateFile[], seed: number) => {
        const plan = planCorruption(fs, 'truncate', seed);
        const nonEmpty = fs.filter((f) => f.size > 0);
        if (nonEmpty.length === 0) {
          expect(plan).toBeUndefined();
          return;
        }
        const chosen = nonEmpty.find((f) => f.path === plan!.file)!;
        expect(chosen).toBeDefined();
        const cut = chosen.size - plan!.truncateTo!;
        expect(cut).toBeGreaterThanOrEqual(1);
        expect(cut).toBeLessThanOrEqual(Math.max(1, Math.floor(chosen.size / 2)));
        expect(planCorruption(fs, 'truncate', seed)).toEqual(plan);
      }),
    );
  });

  it('flips distinct bits inside the file', () => {
    fc.assert(
      fc.property(files, fc.nat(), (fs: CandidateFile[], seed: number) => {
        const plan = planCorruption(fs, 'bitflip', seed);
        if (!plan) return;
        const flips = plan.flips!;
        expect(flips.length).toBe(Math.min(FLIPS, plan.size * 8));
        expect(new Set(flips.map((f) => f.offset * 8 + f.bit)).size).toBe(flips.length);
        for (const f of flips) {
          expect(f.offset).toBeLessThan(plan.size);
          expect(f.bit).toBeGreaterThanOrEqual(0);
          expect(f.bit).toBeLessThan(8);
        }
      }),
    );
  });

  it('lists, parses and applies in shell', () => {
    expect(parseList('12 member/wal/0.wal\n0 empty\nnoise\n')).toEqual([
      { size: 12, path: 'member/wal/0.wal' },
      { size: 0, path: 'empty' },
    ]);
    expect(listScript('/d', ['*.wal'])).toContain('for f in *.wal;');
    const plan = { file: 'x', mode: 'truncate' as const, size: 10, truncateTo: 7 };
    expect(corruptScript('/d', plan)).toBe("truncate -s 7 '/d/x'");
    const flip = corruptScript('/d', {
      file: 'x',
      mode: 'bitflip',
      size: 10,
      flips: [{ offset: 3, bit: 2 }],
    });
    expect(flip).toContain('-j 3 -N1');
    expect(flip).toContain('$((v ^ 4))');
  });
});
