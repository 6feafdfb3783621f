import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMirror, hostAptSources } from '../../../src/control/apt-sources.js';

describe('findMirror', () => {
  it('reads deb822 stanzas, skipping disabled ones and other suites', () => {
    const files = {
      'a.sources':
        'Types: deb\nURIs: http://off.example/debian\nSuites: bookworm\nEnabled: no\n\nTypes: deb\nURIs: http://sec.example/debian-security\nSuites: bookworm-security\n\nTypes: deb deb-src\nURIs: http://mirror.example/debian\nSuites: bookworm bookworm-updates\nComponents: main\n',
    };
    expect(findMirror(files, 'bookworm')).toBe('http://mirror.example/debian');
  });

  it('reads one-line sources, with options', () => {
    expect(
      findMirror(
        { 'host.list': '# c\ndeb [arch=amd64] http://m.example/debian bookworm main\n' },
        'bookworm',
      ),
    ).toBe('http://m.example/debian');
    expect(
      findMirror({ 'host.list': 'deb http://m.example/debian trixie main\n' }, 'bookworm'),
    ).toBeUndefined();
  });
});

describe('hostAptSources', () => {
  it('collects source files and the codename under a root', () => {
    const root = mkdtempSync(join(tmpdir(), 'faultline-apt-'));
    mkdirSync(join(root, 'etc/apt/sources.list.d'), { recursive: true });
    writeFileSync(join(root, 'etc/os-release'), 'ID=debian\nVERSION_CODENAME=bookworm\n');
    writeFileSync(
      join(root, 'etc/apt/sources.list.d/x.sources'),
      'Types: deb\nURIs: http://m.example/d\nSuites: bookworm\n',
    );
    writeFileSync(join(root, 'etc/apt/sources.list.d/ignored.txt'), 'nope');
    const s = hostAptSources(root);
    expect(s).toEqual({
      codename: 'bookworm',
      mirror: 'http://m.example/d',
      files: { 'x.sources': expect.any(String) },
    });
  });

  it('says what to configure when no mirror serves the codename', () => {
    const root = mkdtempSync(join(tmpdir(), 'faultline-apt-'));
    expect(() => hostAptSources(root)).toThrow(/No Debian apt mirror for bookworm/);
  });
});
