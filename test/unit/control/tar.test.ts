import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tarPack, tarUnpack } from '../../../src/control/tar.js';

describe('tar', () => {
  it('round-trips files, including long paths', () => {
    const long = `${'d'.repeat(80)}/${'e'.repeat(60)}/file.txt`;
    const archive = tarPack([
      { path: '/etc/a.conf', content: 'hello\n' },
      { path: long, content: new Uint8Array([0, 1, 2]), mode: 0o755 },
    ]);
    const files = tarUnpack(archive);
    expect(new TextDecoder().decode(files.get('etc/a.conf'))).toBe('hello\n');
    expect([...files.get(long)!]).toEqual([0, 1, 2]);
  });

  it('writes archives that GNU tar extracts with the given modes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-tar-'));
    execFileSync('tar', ['-x', '-C', dir], {
      input: tarPack([{ path: 'x/run.sh', content: 'echo\n', mode: 0o755 }]),
    });
    expect(readFileSync(join(dir, 'x/run.sh'), 'utf8')).toBe('echo\n');
    expect(statSync(join(dir, 'x/run.sh')).mode & 0o777).toBe(0o755);
  });

  it('reads archives written by GNU tar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-tar-'));
    execFileSync('sh', ['-c', `printf abc > ${dir}/f`]);
    const files = tarUnpack(execFileSync('tar', ['-c', '-C', dir, 'f']));
    expect(new TextDecoder().decode(files.get('f'))).toBe('abc');
  });
});
