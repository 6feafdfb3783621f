import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countOrHosts, resolvePlatform } from '../../../src/cli/platform-options.js';

describe('--nodes and the platform flags', () => {
  it('takes a count for Docker and a host list for --ssh', () => {
    expect(countOrHosts('5')).toBe(5);
    expect(countOrHosts('a,b')).toBe('a,b');
    expect(() => countOrHosts('0')).toThrow(/at least 1/);
    expect(() => countOrHosts('a,,b')).toThrow(/host list/);
    expect(resolvePlatform(3, {})).toEqual({ nodes: ['n1', 'n2', 'n3'] });
    const ssh = resolvePlatform('root@h1,h2:2222', { ssh: true, sshUser: 'admin' });
    expect(ssh.nodes).toEqual(['h1', 'h2']);
    expect(ssh.platform?.name).toBe('ssh');
  });

  it('refuses hosts without --ssh, SSH flags without it, and a count with it', () => {
    expect(() => resolvePlatform('h1,h2', {})).toThrow(/needs --ssh/);
    expect(() => resolvePlatform(3, { sudo: true })).toThrow(/--sudo is for SSH hosts/);
    expect(() => resolvePlatform(3, { install: false })).toThrow(/--no-install is for SSH hosts/);
    expect(() => resolvePlatform(3, { ssh: true })).toThrow(/--ssh needs the hosts/);
  });

  it('reads --nodes-file, and refuses it together with a host list', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-nodes-')), 'nodes.txt');
    writeFileSync(file, 'h1\nh2\n# h3\n');
    expect(resolvePlatform(5, { ssh: true, nodesFile: file }).nodes).toEqual(['h1', 'h2']);
    expect(() => resolvePlatform('h1', { ssh: true, nodesFile: file })).toThrow(/not both/);
    expect(() => resolvePlatform(5, { ssh: true, nodesFile: join(file, 'missing') })).toThrow(
      /Cannot read --nodes-file/,
    );
  });
});
