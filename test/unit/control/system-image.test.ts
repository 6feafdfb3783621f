import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemDockerfile, systemImageTag } from '../../../src/control/system-image.js';

const recipe = {
  name: 'etcd',
  aptPackages: ['etcd-server'],
  files: { '/etc/x.conf': 'a=1\n' },
  run: ['true'],
};

describe('system images', () => {
  it('installs the node tools and the recipe packages on the base, then files and run steps', () => {
    const d = systemDockerfile(recipe, 'faultline/base:b-1');
    expect(d).toMatch(/^FROM faultline\/base:b-1\n/);
    expect(d).toMatch(/apt-get install -y --no-install-recommends .*etcd-server.*libfaketime/);
    expect(d).toContain('COPY files/0 /etc/x.conf');
    expect(d).toContain('RUN true');
    expect(d).toContain('LABEL faultline=1');
  });

  it('tags by content: same recipe and base same tag; any change a new tag', () => {
    const tag = systemImageTag(recipe, 'b:1');
    expect(tag).toMatch(/^faultline\/etcd:[0-9a-f]{12}$/);
    expect(systemImageTag({ ...recipe }, 'b:1')).toBe(tag);
    expect(systemImageTag(recipe, 'b:2')).not.toBe(tag);
    expect(systemImageTag({ ...recipe, files: { '/etc/x.conf': 'a=2\n' } }, 'b:1')).not.toBe(tag);
    expect(systemImageTag({ ...recipe, aptPackages: ['etcd-server', 'etcd-client'] }, 'b:1')).not.toBe(tag);
  });

  it('rejects a recipe name that cannot be a tag', () => {
    expect(() => systemImageTag({ ...recipe, name: 'Bad Name' }, 'b:1')).toThrow(/lowercase/);
  });
});

describe('user images', () => {
  it("a user's Dockerfile is built FROM faultline's base image, and must say FROM faultline-base", () => {
    const recipe = {
      name: 'mydb',
      aptPackages: [],
      dockerfile: 'FROM faultline-base\nRUN echo built > /built\n',
    };
    const d = systemDockerfile(recipe, 'faultline/base:b-1');
    expect(d).toMatch(/^FROM faultline\/base:b-1\nRUN echo built > \/built\nLABEL /);
    expect(systemImageTag(recipe, 'b:1')).not.toBe(
      systemImageTag({ ...recipe, dockerfile: `${recipe.dockerfile}#\n` }, 'b:1'),
    );
    expect(() => systemDockerfile({ ...recipe, dockerfile: 'FROM debian:12\n' }, 'b:1')).toThrow(
      /must start FROM faultline-base, not debian:12/,
    );
  });

  it('host files are copied (a tarball into a directory is unpacked) and their bytes are in the tag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-host-'));
    writeFileSync(join(dir, 'mydb'), 'binary v1');
    writeFileSync(join(dir, 'build.tar.gz'), 'tarball');
    const recipe = {
      name: 'mydb',
      aptPackages: [],
      hostFiles: { '/usr/local/bin/mydb': join(dir, 'mydb'), '/opt/mydb/': join(dir, 'build.tar.gz') },
    };
    const d = systemDockerfile(recipe, 'b:1');
    expect(d).toContain('ADD host/0 /opt/mydb/\n');
    expect(d).toContain('COPY host/1 /usr/local/bin/mydb\n');
    const before = systemImageTag(recipe, 'b:1');
    writeFileSync(join(dir, 'mydb'), 'binary v2');
    expect(systemImageTag(recipe, 'b:1')).not.toBe(before);
    expect(() => systemImageTag({ ...recipe, hostFiles: { '/x': join(dir, 'missing') } }, 'b:1')).toThrow(
      /host file .*missing .*does not exist/,
    );
  });
});
