import { describe, expect, it } from 'vitest';
import { classifyEtcdError } from '../../../../systems/etcd/classify-etcd-error.js';
import { etcdCommand } from '../../../../systems/etcd/etcd-command.js';
import { EtcdRequestError, EtcdServerError } from '../../../../systems/etcd/etcd-http.js';
import { prefixEnd } from '../../../../systems/etcd/etcd-kv.js';

describe('classifyEtcdError', () => {
  it('makes every failed read a fail', () => {
    expect(classifyEtcdError(new EtcdRequestError('x', 'ABORTED', true), true).type).toBe('fail');
  });

  it('makes a write fail only when it cannot have reached etcd', () => {
    expect(classifyEtcdError(new EtcdRequestError('x', 'ECONNREFUSED', false), false).type).toBe('fail');
    expect(classifyEtcdError(new EtcdRequestError('x', 'ABORTED', false), false).type).toBe('fail');
    expect(classifyEtcdError(new EtcdServerError('etcdserver: too many requests', 429, 8), false).type).toBe(
      'fail',
    );
  });

  it('makes a write info when it may have been applied', () => {
    expect(classifyEtcdError(new EtcdRequestError('x', 'ABORTED', true), false).type).toBe('info');
    expect(classifyEtcdError(new EtcdRequestError('x', 'ECONNRESET', true), false).type).toBe('info');
    expect(classifyEtcdError(new EtcdServerError('etcdserver: request timed out', 503, 14), false).type).toBe(
      'info',
    );
    expect(classifyEtcdError(new Error('boom'), false)).toEqual({ type: 'info', error: 'boom' });
  });
});

describe('etcdCommand', () => {
  it('names members after nodes and lists every peer in the initial cluster', () => {
    const cluster = {
      runId: 'r1',
      nodes: ['n1', 'n2'],
      ip: (n: string) => `10.89.1.${n === 'n1' ? 11 : 12}`,
    };
    const cmd = etcdCommand(cluster, 'n2');
    expect(cmd).toContain('--name=n2');
    expect(cmd).toContain('--initial-cluster=n1=http://10.89.1.11:2380,n2=http://10.89.1.12:2380');
    expect(cmd).toContain('--advertise-client-urls=http://10.89.1.12:2379');
    expect(cmd).toContain('--initial-cluster-token=faultline-r1');
  });
});

describe('prefixEnd', () => {
  it('increments the last byte', () => {
    expect(prefixEnd('/faultline/set/')).toBe('/faultline/set0');
  });
});
