import { describe, expect, it } from 'vitest';
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
