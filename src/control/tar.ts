/** A file for a tar archive: a path relative to the archive root, its bytes and mode. */
export interface TarEntry {
  path: string;
  content: string | Uint8Array;
  mode?: number;
}

const BLOCK = 512;

/** Builds a ustar archive in memory (small files only: configs, build contexts). */
export function tarPack(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const body = typeof entry.content === 'string' ? Buffer.from(entry.content) : Buffer.from(entry.content);
    parts.push(header(entry.path.replace(/^\/+/, ''), body.length, entry.mode ?? 0o644));
    parts.push(body, Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

function header(path: string, size: number, mode: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  let name = path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(path.slice(cut + 1)) > 100)
      throw new RangeError(`tar path too long: ${path}`);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
  }
  h.write(name, 0, 100);
  h.write(octal(mode, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(Math.floor(Date.now() / 1000), 12), 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\u000000', 257);
  h.write(prefix, 345, 155);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(octal(sum, 7), 148);
  return h;
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\u0000';
}

/** The regular files of a tar archive, by path; other entry types (dirs, pax headers) are skipped. */
export function tarUnpack(archive: Uint8Array): Map<string, Uint8Array> {
  const buf = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const out = new Map<string, Uint8Array>();
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= buf.length) {
    const h = buf.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(cstring(h, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(h[156] ?? 0);
    const prefix = cstring(h, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${cstring(h, 0, 100)}` : cstring(h, 0, 100));
    const body = buf.subarray(offset + BLOCK, offset + BLOCK + size);
    longName = undefined;
    if (type === 'L') longName = cstring(body, 0, body.length);
    else if (type === '0' || type === '\u0000') out.set(name, new Uint8Array(body));
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}

function cstring(buf: Buffer, start: number, length: number): string {
  const slice = buf.subarray(start, start + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? slice.length : end).toString('utf8');
}
