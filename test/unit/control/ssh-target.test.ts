import { describe, expect, it } from 'vitest';
import { nodesFileEntries, parseSshTarget, parseSshTargets } from '../../../src/control/ssh-target.js';

const defaults = { user: 'me', port: 22 };

describe('parseSshTarget', () => {
  it('reads host, user@host, host:port and bracketed IPv6', () => {
    expect(parseSshTarget('n1', defaults, 'x')).toEqual({ name: 'n1', host: 'n1', port: 22, user: 'me' });
    expect(parseSshTarget('root@10.0.0.1:2222', defaults, 'x')).toEqual({
      name: '10.0.0.1',
      host: '10.0.0.1',
      port: 2222,
      user: 'root',
    });
    expect(parseSshTarget('admin@[fd00::1]:22', defaults, 'x')).toMatchObject({
      host: 'fd00::1',
      user: 'admin',
    });
  });

  it('names where a bad entry is', () => {
    expect(() => parseSshTarget('a b', defaults, 'nodes.txt:3')).toThrow(/nodes\.txt:3: "a b" is not a host/);
    expect(() => parseSshTarget('h:99999', defaults, 'x')).toThrow(/port must be 1-65535/);
    expect(() => parseSshTarget('-oProxyCommand', defaults, 'x')).toThrow(/cannot start with -/);
  });
});

describe('parseSshTargets', () => {
  const entries = (...texts: string[]) => texts.map((text, i) => ({ text, where: `#${i}` }));

  it('names a host seen with several ports host:port', () => {
    expect(parseSshTargets(entries('h:2201', 'h:2202', 'g'), defaults).map((t) => t.name)).toEqual([
      'h:2201',
      'h:2202',
      'g',
    ]);
  });

  it('rejects duplicates and empty lists', () => {
    expect(() => parseSshTargets(entries('a', 'root@a'), defaults)).toThrow(/listed twice/);
    expect(() => parseSshTargets([], defaults)).toThrow(/No hosts/);
  });

  it('reads a nodes file with comments and blank lines', () => {
    expect(nodesFileEntries('# hosts\nn1\n\n root@n2:2222 # db\n', 'f')).toEqual([
      { text: 'n1', where: 'f:2' },
      { text: 'root@n2:2222', where: 'f:4' },
    ]);
  });
});
