import { describe, expect, it } from 'vitest';
import { builtinSystems } from '../../../src/cli/registries.js';
import { systemOptionsFrom, workloadOptionsOf } from '../../../src/cli/test-options.js';
import { parseSystemOptions } from '../../../src/sdk/index.js';
import { classifyNatsError } from '../../../systems/nats/classify-nats-error.js';
import { natsConfig } from '../../../systems/nats/nats-config.js';
import { parseReplicas, parseSync } from '../../../systems/nats/nats-options.js';
import { registerKey } from '../../../systems/nats/nats-register-client.js';
import { natsSystem } from '../../../systems/nats/nats-system.js';

const cluster = {
  runId: 'r',
  nodes: ['n1', 'n2', 'n3'],
  ip: (n: string) => `10.0.0.${n.slice(1)}`,
  remote: {} as never,
};

describe('nats options', () => {
  it('default to R3 and the server’s own sync policy', () => {
    expect(parseSystemOptions(natsSystem, {})).toEqual({ replicas: 3, sync: 'default' });
  });
  it('take always or a Go duration for --sync, and reject anything else naming the value', () => {
    expect(parseSync('always')).toBe('always');
    expect(parseSync('1m30s')).toBe('1m30s');
    expect(parseSync('500ms')).toBe('500ms');
    expect(() => parseSync('often')).toThrow(/--sync often is neither 'always' nor a duration/);
  });
  it('reject replicas outside 1..5 and more replicas than nodes', () => {
    expect(parseReplicas('5')).toBe(5);
    expect(() => parseReplicas('0')).toThrow(/--replicas 0/);
    expect(() => parseReplicas('3.5')).toThrow(/not an integer/);
    expect(() => natsSystem.validate!({ replicas: 5, sync: 'default' }, 3)).toThrow(/needs at least 5 nodes/);
    expect(() => natsSystem.validate!({ replicas: 3, sync: 'default' }, 3)).not.toThrow();
  });
  it('promise at-least-once delivery to the queue workload through the CLI', () => {
    const options = systemOptionsFrom(natsSystem, {}, builtinSystems);
    expect(workloadOptionsOf({}, natsSystem, options)).toMatchObject({ delivery: 'at-least-once' });
  });
  it('refuse lose-unfsynced unless every write is synced', () => {
    expect(natsSystem.storage!.notDurable!({ sync: 'default' })).toMatch(/before it fsyncs/);
    expect(natsSystem.storage!.notDurable!({ sync: 'always' })).toBeUndefined();
  });
});

describe('natsConfig', () => {
  it('names the server after its node and routes to every node', () => {
    const text = natsConfig(cluster, 'n2', 'default');
    expect(text).toContain('server_name: n2');
    expect(text).toContain('store_dir: "/var/lib/faultline/nats"');
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect(text).toContain(`nats://${ip}:6222`);
    expect(text).not.toContain('sync_interval');
  });
  it('writes sync_interval only when asked', () => {
    expect(natsConfig(cluster, 'n1', 'always')).toContain('sync_interval: always');
    expect(natsConfig(cluster, 'n1', '10s')).toContain('sync_interval: "10s"');
  });
});

describe('classifyNatsError', () => {
  const apiError = (err_code: number) => Object.assign(new Error('x'), { api_error: { err_code } });
  it('fails a read whatever happened', () => {
    expect(classifyNatsError(new Error('TIMEOUT'), true).type).toBe('fail');
  });
  it('fails a publish the stream refused or nobody heard, and is unsure of anything else', () => {
    expect(classifyNatsError(apiError(10071), false).type).toBe('fail');
    expect(classifyNatsError(Object.assign(new Error('503'), { code: '503' }), false).type).toBe('fail');
    expect(classifyNatsError(Object.assign(new Error('t'), { code: 'TIMEOUT' }), false)).toEqual({
      type: 'info',
      error: 't (TIMEOUT)',
    });
    expect(classifyNatsError(apiError(10008), false).type).toBe('info');
  });
});

describe('registerKey', () => {
  it('is a valid KV key for any register name', () => {
    expect(registerKey(3)).toBe('r3');
    expect(registerKey('a b')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
