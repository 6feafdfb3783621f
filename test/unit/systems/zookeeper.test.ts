import { describe, expect, it } from 'vitest';
import { JuteReader } from '../../../systems/zookeeper/jute-reader.js';
import { JuteWriter } from '../../../systems/zookeeper/jute-writer.js';
import { ZK, ZkError, classifyZkError } from '../../../systems/zookeeper/zk-error.js';
import { myId, zooCfg } from '../../../systems/zookeeper/zookeeper-config.js';

describe('jute', () => {
  it('round-trips ints, longs, bools, strings and null buffers inside a length-prefixed frame', () => {
    const frame = new JuteWriter()
      .int(-2)
      .long(1234567890123n)
      .bool(true)
      .string('/faultline/r1')
      .buffer(null)
      .frame();
    expect(frame.readInt32BE(0)).toBe(frame.length - 4);
    const r = new JuteReader(frame.subarray(4));
    expect(r.int()).toBe(-2);
    expect(r.long()).toBe(1234567890123n);
    expect(r.bool()).toBe(true);
    expect(r.string()).toBe('/faultline/r1');
    expect(r.buffer()).toBeNull();
    expect(r.remaining).toBe(0);
  });

  it('reads the data version out of a Stat', () => {
    const stat = new JuteWriter()
      .long(1n)
      .long(2n)
      .long(3n)
      .long(4n)
      .int(7)
      .int(0)
      .int(0)
      .long(0n)
      .int(1)
      .int(0)
      .long(5n)
      .frame();
    expect(new JuteReader(stat.subarray(4)).stat()).toEqual({ version: 7, mzxid: 2n });
  });
});

describe('ZooKeeper error classification', () => {
  it('a failed read is fail; a refused or unsent write is fail; a write lost in flight is info', () => {
    expect(classifyZkError(new ZkError(ZK.CONNECTION_LOSS, 'lost', true), false)).toBe('fail');
    expect(classifyZkError(new ZkError(ZK.BAD_VERSION, 'bad version', true), true)).toBe('fail');
    expect(classifyZkError(new ZkError(ZK.CONNECTION_LOSS, 'not connected', false), true)).toBe('fail');
    expect(classifyZkError(new ZkError(ZK.CONNECTION_LOSS, 'lost', true), true)).toBe('info');
    expect(classifyZkError(new Error('timeout'), true)).toBe('info');
  });
});

describe('zoo.cfg', () => {
  it('lists every server of an ensemble with ids 1..N; one node runs standalone', () => {
    const cfg = zooCfg(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    expect(cfg).toContain('server.1=10.0.0.1:2888:3888');
    expect(cfg).toContain('server.3=10.0.0.3:2888:3888');
    expect(zooCfg(['10.0.0.1'])).not.toContain('server.');
    expect(myId(0)).toBe('1\n');
  });
});
