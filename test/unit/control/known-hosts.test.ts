import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  entriesFor,
  hostKeyAlgorithms,
  hostMatches,
  judgeHostKey,
  knownHostName,
  parseKnownHosts,
} from '../../../src/control/known-hosts.js';

const keyA = Buffer.from('\0\0\0\x0bssh-ed25519 key A');
const keyB = Buffer.from('\0\0\0\x0bssh-ed25519 key B');
const b64 = (b: Buffer): string => b.toString('base64');

function hashed(name: string, salt = Buffer.from('0123456789abcdefghij')): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('known_hosts', () => {
  const text = [
    '# a comment',
    '',
    `db1.example,10.0.0.1 ssh-ed25519 ${b64(keyA)} admin@laptop`,
    `[10.0.0.2]:2222 ssh-ed25519 ${b64(keyA)}`,
    `${hashed('10.0.0.3')} ssh-ed25519 ${b64(keyB)}`,
    `*.lab,!bad.lab ssh-rsa ${b64(keyB)}`,
    `@revoked * ssh-ed25519 ${b64(keyB)}`,
    `@cert-authority *.corp ssh-ed25519 ${b64(keyA)}`,
  ].join('\n');
  const known = parseKnownHosts(text);

  it('parses lines, markers and comments; skips certificate authorities', () => {
    expect(known).toHaveLength(5);
    expect(known.filter((k) => k.revoked)).toHaveLength(1);
  });

  it('names hosts off port 22 in brackets', () => {
    expect(knownHostName('h', 22)).toBe('h');
    expect(knownHostName('h', 2222)).toBe('[h]:2222');
  });

  it('matches plain, hashed, glob and negated patterns', () => {
    expect(hostMatches('db1.example,10.0.0.1', '10.0.0.1')).toBe(true);
    expect(hostMatches(hashed('10.0.0.3'), '10.0.0.3')).toBe(true);
    expect(hostMatches(hashed('10.0.0.3'), '10.0.0.4')).toBe(false);
    expect(hostMatches('*.lab,!bad.lab', 'n1.lab')).toBe(true);
    expect(hostMatches('*.lab,!bad.lab', 'bad.lab')).toBe(false);
    expect(hostMatches('10.0.0.1', '10.0.0.10')).toBe(false);
  });

  it('judges keys as OpenSSH does: known, changed, unknown, revoked', () => {
    expect(judgeHostKey(entriesFor(known, '10.0.0.1', 22), keyA)).toBe('known');
    expect(judgeHostKey(entriesFor(known, '10.0.0.1', 2222), keyA)).toBe('unknown');
    expect(judgeHostKey(entriesFor(known, '10.0.0.2', 2222), keyA)).toBe('known');
    expect(judgeHostKey(entriesFor(known, 'db1.example', 22), Buffer.from('other'))).toBe('changed');
    expect(judgeHostKey(entriesFor(known, '10.0.0.3', 22), keyB)).toBe('revoked');
    expect(judgeHostKey(entriesFor(known, 'nowhere', 22), keyA)).toBe('unknown');
  });

  it('asks the server for the key types known for the host', () => {
    expect(hostKeyAlgorithms(entriesFor(known, 'n1.lab', 22))).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
    expect(hostKeyAlgorithms(entriesFor(known, '10.0.0.1', 22))).toEqual(['ssh-ed25519']);
  });
});
