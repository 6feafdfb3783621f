import { describe, expect, it } from 'vitest';
import { parseSystemOptions } from '../../../src/sdk/index.js';
import { erlangCookie, rabbitmqConfig } from '../../../systems/rabbitmq/rabbitmq-config.js';
import { rabbitmqSystem } from '../../../systems/rabbitmq/rabbitmq-system.js';
import { rabbitmqctl } from '../../../systems/rabbitmq/rabbitmqctl.js';

describe('rabbitmq options', () => {
  it('default to a quorum queue and pause_minority, and reject other values', () => {
    expect(parseSystemOptions(rabbitmqSystem, {})).toEqual({
      queueType: 'quorum',
      partitionHandling: 'pause_minority',
    });
    expect(() => parseSystemOptions(rabbitmqSystem, { queueType: 'stream' })).toThrow(/--queue-type stream/);
    expect(() => parseSystemOptions(rabbitmqSystem, { partitionHandling: 'pause_if_all_down' })).toThrow(
      /--partition-handling/,
    );
  });
  it('promise at-least-once delivery for both queue types', () => {
    expect(rabbitmqSystem.promises!({ queueType: 'classic' }).delivery).toBe('at-least-once');
  });
});

describe('rabbitmq configuration', () => {
  it('sets the partition handling and lets guest in from the host', () => {
    const text = rabbitmqConfig('autoheal');
    expect(text).toContain('cluster_partition_handling = autoheal');
    expect(text).toContain('loopback_users.guest = false');
  });
  it('derives one cookie per run, letters only, at least 20 long', () => {
    const cookie = erlangCookie('mx7uig3q8a893f');
    expect(cookie).toMatch(/^[A-Z]{20,40}$/);
    expect(erlangCookie('mx7uig3q8a893f')).toBe(cookie);
    expect(erlangCookie('other')).not.toBe(cookie);
  });
  it('runs rabbitmqctl against the node by its Erlang name, quoting every word', () => {
    expect(rabbitmqctl('n2', ['join_cluster', 'rabbit@n1'])).toBe(
      "HOME=/root /usr/lib/rabbitmq/bin/rabbitmqctl -q -n rabbit@n2 'join_cluster' 'rabbit@n1'",
    );
  });
});
