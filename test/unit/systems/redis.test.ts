import { describe, expect, it } from 'vitest';
import { classifyRedisError } from '../../../systems/redis/classify-redis-error.js';
import { redisConf, sentinelConf, sentinelQuorum } from '../../../systems/redis/redis-config.js';
import { majorityPrimary } from '../../../systems/redis/sentinel-primary.js';
import { parseRedisOptions } from '../../../systems/redis/redis-options.js';
import { redisSystem } from '../../../systems/redis/redis-system.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('Redis error classification', () => {
  const table: [string, unknown, boolean, 'fail' | 'info'][] = [
    ['any failed read', new Error('Command timed out'), false, 'fail'],
    [
      'READONLY reply from a demoted primary',
      named('ReplyError', "READONLY You can't write against a read only replica."),
      true,
      'fail',
    ],
    [
      'not connected, offline queue off',
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      true,
      'fail',
    ],
    ['write timed out after sending', new Error('Command timed out'), true, 'info'],
    [
      'connection dropped with the write in flight',
      named('MaxRetriesPerRequestError', 'Reached the max retries per request limit'),
      true,
      'info',
    ],
    ['connection closed', new Error('Connection is closed.'), true, 'info'],
  ];
  for (const [what, err, write, want] of table) {
    it(`${what} -> ${want}`, () => expect(classifyRedisError(err, write)).toBe(want));
  }
});

describe('Redis config', () => {
  it('replicas follow the primary; the primary has no replicaof', () => {
    expect(redisConf('10.0.0.1')).toContain('replicaof 10.0.0.1 6379');
    expect(redisConf(undefined)).not.toContain('replicaof');
    expect(redisConf(undefined)).toContain('appendonly yes');
  });

  it('Sentinel monitors the primary with a majority quorum', () => {
    expect(sentinelQuorum(3)).toBe(2);
    expect(sentinelQuorum(5)).toBe(3);
    const conf = sentinelConf('10.0.0.1', 2, { downAfterMs: 3000, failoverTimeoutMs: 10_000 });
    expect(conf).toContain('sentinel monitor faultline 10.0.0.1 6379 2');
    expect(conf).toContain('sentinel down-after-milliseconds faultline 3000');
  });

  it('the primary is the one a majority of Sentinels names', () => {
    expect(majorityPrimary({ n1: 'n2', n2: 'n2', n3: 'n1' }, 3)).toBe('n2');
    expect(majorityPrimary({ n1: 'n1', n2: undefined, n3: 'n2' }, 3)).toBeUndefined();
  });
});

describe('redis --appendfsync', () => {
  it('writes the policy into redis.conf, everysec by default', () => {
    expect(redisConf(undefined)).toContain('appendfsync everysec');
    expect(redisConf('10.0.0.1', 'always')).toContain('appendfsync always');
    expect(redisConf(undefined, 'always')).not.toContain('appendfsync everysec');
  });

  it('offers lose-unfsynced only with always, refused before Docker with the option named', () => {
    expect(redisSystem.storage?.notDurable?.({ appendfsync: 'always' })).toBeUndefined();
    expect(redisSystem.storage?.notDurable?.({})).toMatch(/--appendfsync everysec.*--appendfsync always/);
    const prepare = nemesisPackage(['lose-unfsynced'], { nodes: ['n1', 'n2', 'n3'] }).prepare![0]!;
    expect(() => prepare.check(redisSystem, { appendfsync: 'no' })).toThrow(/--appendfsync always/);
    expect(() => prepare.check(redisSystem, { appendfsync: 'always' })).not.toThrow();
    expect(() => parseRedisOptions({ appendfsync: 'often' })).toThrow(/--appendfsync often is not valid/);
  });
});
