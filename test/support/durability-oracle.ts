// A model of what faultline-fs promises (nemesis/fs/faultline-fs.c), written the other way round:
// the implementation undoes changes on a crash; this model keeps the durable tree and replays the
// committed prefix of the name journal onto it. The correctness test compares the two.
import { createHash } from 'node:crypto';

type Entry = { kind: 'file'; id: number } | { kind: 'dir'; id: number };
type Tree = Map<string, Entry>;
interface NameOp {
  apply(tree: Tree): void;
  /** The inode this op names (create, link, rename target), for fsync's commit rule. */
  names?: number;
}

/** One operation of faultline-fs-ops (paths relative to the test directory). */
export type FsOp =
  | {
      op: 'creat' | 'fsync' | 'fdatasync' | 'sync-range' | 'mkdir' | 'rmdir' | 'unlink' | 'fsyncdir';
      path: string;
    }
  | { op: 'write' | 'dsync-write'; path: string; off: number; len: number; byte: number }
  | { op: 'append'; path: string; len: number; byte: number }
  | { op: 'truncate'; path: string; len: number }
  | { op: 'rename' | 'link'; path: string; to: string };

/** The line faultline-fs-ops reads for an op. */
export function opLine(o: FsOp): string {
  switch (o.op) {
    case 'write':
    case 'dsync-write':
      return `${o.op} ${o.path} ${o.off} ${o.len} ${o.byte}`;
    case 'append':
      return `append ${o.path} ${o.len} ${o.byte}`;
    case 'truncate':
      return `truncate ${o.path} ${o.len}`;
    case 'rename':
    case 'link':
      return `${o.op} ${o.path} ${o.to}`;
    default:
      return `${o.op} ${o.path}`;
  }
}

const parentOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const under = (path: string, dir: string): boolean => path.startsWith(`${dir}/`);

function renameIn(tree: Tree, from: string, to: string): void {
  const moved = [...tree].filter(([p]) => p === from || under(p, from));
  for (const [p] of [...tree].filter(([p]) => p === to || under(p, to))) tree.delete(p);
  for (const [p] of moved) tree.delete(p);
  for (const [p, e] of moved) tree.set(to + p.slice(from.length), e);
}

export class DurabilityOracle {
  private live: Tree = new Map();
  private durable: Tree = new Map();
  private journal: NameOp[] = [];
  private readonly contents = new Map<number, { live: Buffer; durable: Buffer }>();
  private nextId = 1;

  /** Paths of files / directories that exist now. */
  files(): string[] {
    return [...this.live]
      .filter(([, e]) => e.kind === 'file')
      .map(([p]) => p)
      .sort();
  }
  dirs(): string[] {
    return [...this.live]
      .filter(([, e]) => e.kind === 'dir')
      .map(([p]) => p)
      .sort();
  }
  exists(path: string): boolean {
    return this.live.has(path);
  }
  isEmptyDir(path: string): boolean {
    return this.live.get(path)?.kind === 'dir' && ![...this.live.keys()].some((p) => under(p, path));
  }
  /** Two names of one file. */
  sameFile(a: string, b: string): boolean {
    const x = this.live.get(a);
    const y = this.live.get(b);
    return x !== undefined && x.kind === 'file' && y?.kind === 'file' && x.id === y.id;
  }
  sizeOf(path: string): number {
    return this.content(path).live.length;
  }
  /** A directory may hold a new name at `path`. */
  canCreate(path: string): boolean {
    const parent = parentOf(path);
    return !this.live.has(path) && (parent === '' || this.live.get(parent)?.kind === 'dir');
  }

  private content(path: string): { live: Buffer; durable: Buffer } {
    const e = this.live.get(path);
    if (e?.kind !== 'file') throw new Error(`oracle: ${path} is not a file`);
    return this.contents.get(e.id)!;
  }

  private log(op: NameOp): void {
    op.apply(this.live);
    this.journal.push(op);
  }

  private commitThrough(n: number): void {
    for (const op of this.journal.slice(0, n)) op.apply(this.durable);
    this.journal = this.journal.slice(n);
  }

  private fsync(path: string): void {
    const e = this.live.get(path);
    if (path === '.' || !e || e.kind === 'dir') return this.commitThrough(this.journal.length);
    const c = this.contents.get(e.id)!;
    c.durable = Buffer.from(c.live);
    let last = -1;
    this.journal.forEach((op, i) => {
      if (op.names === e.id) last = i;
    });
    this.commitThrough(last + 1);
  }

  private write(path: string, off: number, data: Buffer): void {
    const c = this.content(path);
    const end = Math.max(c.live.length, off + data.length);
    const next = Buffer.alloc(end);
    c.live.copy(next);
    data.copy(next, off);
    c.live = next;
  }

  /** Applies one op to the live state (the op must be valid here). */
  apply(o: FsOp): void {
    switch (o.op) {
      case 'creat': {
        const id = this.nextId++;
        this.contents.set(id, { live: Buffer.alloc(0), durable: Buffer.alloc(0) });
        const e: Entry = { kind: 'file', id };
        return this.log({ apply: (t) => void t.set(o.path, e), names: id });
      }
      case 'mkdir': {
        const e: Entry = { kind: 'dir', id: this.nextId++ };
        return this.log({ apply: (t) => void t.set(o.path, e), names: e.id });
      }
      case 'write':
        return this.write(o.path, o.off, Buffer.alloc(o.len, o.byte));
      case 'dsync-write':
        this.write(o.path, o.off, Buffer.alloc(o.len, o.byte));
        return this.fsync(o.path);
      case 'append':
        return this.write(o.path, this.sizeOf(o.path), Buffer.alloc(o.len, o.byte));
      case 'truncate': {
        const c = this.content(o.path);
        const next = Buffer.alloc(o.len);
        c.live.copy(next, 0, 0, Math.min(o.len, c.live.length));
        c.live = next;
        return;
      }
      case 'fsync':
      case 'fdatasync':
      case 'fsyncdir':
        return this.fsync(o.path);
      case 'sync-range':
        return;
      case 'rmdir':
      case 'unlink':
        return this.log({ apply: (t) => void t.delete(o.path) });
      case 'rename': {
        const e = this.live.get(o.path)!;
        return this.log({ apply: (t) => renameIn(t, o.path, o.to), names: e.id });
      }
      case 'link': {
        const e = this.live.get(o.path)!;
        return this.log({ apply: (t) => void t.set(o.to, e), names: e.id });
      }
    }
  }

  /** The crash: names back to the durable tree, every file back to its durable bytes. */
  crash(): void {
    this.live = new Map(this.durable);
    this.journal = [];
    for (const c of this.contents.values()) c.live = Buffer.from(c.durable);
  }

  /** The tree as listing lines: `d <path>` or `f <path> <size> <md5>`, sorted by path. */
  listing(): string[] {
    return [...this.live]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([p, e]) => {
        if (e.kind === 'dir') return `d ${p}`;
        const bytes = this.contents.get(e.id)!.live;
        return `f ${p} ${bytes.length} ${createHash('md5').update(bytes).digest('hex')}`;
      });
  }
}

/** Shell: the same listing of the directory it runs in. */
export const LISTING_SCRIPT = `find . -mindepth 1 | sed 's|^\\./||' | LC_ALL=C sort | while IFS= read -r p; do if [ -d "$p" ]; then echo "d $p"; else echo "f $p $(stat -c %s "$p") $(md5sum < "$p" | cut -c1-32)"; fi; done`;

/** Names the random sequences use: a few files and directories two levels deep. */
const NAMES = ['a', 'b', 'c', 'd', 'e', 'd/a', 'd/b', 'd/e', 'e/a', 'd/e/a'];

/** An abstract command: which op, and numbers that choose its operands in the current state. */
export interface Command {
  kind: number;
  x: number;
  y: number;
  z: number;
}

const KINDS = [
  'creat',
  'creat',
  'write',
  'write',
  'write',
  'append',
  'append',
  'dsync-write',
  'truncate',
  'fsync',
  'fsync',
  'fdatasync',
  'sync-range',
  'mkdir',
  'rmdir',
  'unlink',
  'rename',
  'rename',
  'link',
  'fsyncdir',
] as const;
export const KIND_COUNT = KINDS.length;

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];

/** The concrete op a command means in the oracle's state, or undefined when it has no valid operand. */
export function concreteOp(o: DurabilityOracle, c: Command): FsOp | undefined {
  const kind = KINDS[c.kind % KINDS.length]!;
  const file = pick(o.files(), c.x);
  const free = NAMES.filter((n) => o.canCreate(n));
  const byte = 1 + (c.z % 250);
  switch (kind) {
    case 'creat':
    case 'mkdir': {
      const path = pick(free, c.x);
      return path === undefined ? undefined : { op: kind, path };
    }
    case 'write':
    case 'dsync-write': {
      if (file === undefined) return undefined;
      const off = c.y % (o.sizeOf(file) + 9000);
      return { op: kind, path: file, off, len: 1 + (c.z % 9000), byte };
    }
    case 'append':
      return file === undefined ? undefined : { op: 'append', path: file, len: 1 + (c.y % 5000), byte };
    case 'truncate':
      return file === undefined
        ? undefined
        : { op: 'truncate', path: file, len: c.y % (o.sizeOf(file) + 5000) };
    case 'fsync':
    case 'fdatasync':
    case 'sync-range':
      return file === undefined ? undefined : { op: kind, path: file };
    case 'unlink':
      return file === undefined ? undefined : { op: 'unlink', path: file };
    case 'rmdir': {
      const dir = pick(
        o.dirs().filter((d) => o.isEmptyDir(d)),
        c.x,
      );
      return dir === undefined ? undefined : { op: 'rmdir', path: dir };
    }
    case 'fsyncdir':
      return { op: 'fsyncdir', path: pick(['.', ...o.dirs()], c.x)! };
    case 'link': {
      const to = pick(free, c.y);
      return file === undefined || to === undefined ? undefined : { op: 'link', path: file, to };
    }
    case 'rename': {
      const from = pick([...o.files(), ...o.dirs()], c.x);
      if (from === undefined) return undefined;
      const isDir = o.dirs().includes(from);
      // A file may replace another file; a directory only moves to a free name outside itself.
      const targets = isDir
        ? free.filter((n) => n !== from && !n.startsWith(`${from}/`))
        : [...free, ...o.files().filter((f) => f !== from && !o.sameFile(f, from))];
      const to = pick(targets, c.y);
      return to === undefined ? undefined : { op: 'rename', path: from, to };
    }
  }
}
