import { describe, expect, it } from 'vitest';
import {
  SDK_VERSION,
  checkSystem,
  classifyError,
  daemon,
  defineSystem,
  parseSystemOptions,
  type SystemDefinition,
} from '../../../src/sdk/index.js';

const minimal: SystemDefinition = {
  name: 'toy',
  description: 'a toy',
  image: { name: 'toy', aptPackages: [] },
  setup: () => Promise.resolve(),
  teardown: () => Promise.resolve(),
  version: () => Promise.resolve('1'),
  logFiles: () => [],
  clients: { register: { open: () => Promise.reject(new Error('not here')) } },
  options: [
    { key: 'mode', flag: '--mode <mode>', help: 'a | b', choices: ['a', 'b'], default: 'a' },
    { key: 'fast', flag: '--fast', help: 'go fast' },
    { key: 'size', flag: '--size <n>', help: 'a number', parse: Number },
  ],
};

describe('defineSystem and checkSystem', () => {
  it('stamp the SDK version and accept a complete definition', () => {
    expect(defineSystem(minimal).sdkVersion).toBe(SDK_VERSION);
  });

  it('name what is wrong with a bad system', () => {
    const check = (s: unknown) => () =>
      checkSystem(s, { source: 'p.ts', workloads: ['register'], reservedFlags: ['--nodes'] });
    const ok = defineSystem(minimal);
    expect(check(undefined)).toThrow(/p\.ts: it does not export a system/);
    expect(check({ ...ok, sdkVersion: undefined })).toThrow(/no sdkVersion/);
    expect(check({ ...ok, setup: undefined })).toThrow(/toy has no setup\(\) function/);
    expect(check({ ...ok, clients: {} })).toThrow(/toy has no clients/);
    expect(check({ ...ok, clients: { queue: { open: () => {} } } })).toThrow(
      /client for "queue", a workload faultline does not know/,
    );
    expect(check({ ...ok, clients: { register: {} } })).toThrow(/workload register has no client/);
    expect(check({ ...ok, options: [{ key: 'n', flag: '--nodes <n>', help: 'x' }] })).toThrow(
      /clashes with faultline's own --nodes/,
    );
    expect(check({ ...ok, options: [{ key: 'n', flag: '-n', help: 'x' }] })).toThrow(/is not a long flag/);
    expect(check({ ...ok, image: undefined })).toThrow(/toy has no image/);
    expect(check({ ...ok, name: 'Bad Name' })).toThrow(/must be lowercase/);
  });
});

describe('parseSystemOptions', () => {
  const toy = defineSystem(minimal);
  it('fills in defaults, checks choices, parses values', () => {
    expect(parseSystemOptions(toy, {})).toEqual({ mode: 'a', fast: false });
    expect(parseSystemOptions(toy, { mode: 'b', fast: true, size: '3' })).toEqual({
      mode: 'b',
      fast: true,
      size: 3,
    });
    expect(() => parseSystemOptions(toy, { mode: 'c' })).toThrow(/--mode c is not valid for toy/);
  });
});

describe('daemon', () => {
  const d = daemon({
    command: ['/usr/bin/mydb', "--name=it's"],
    comm: 'mydb',
    pidFile: '/run/x/mydb.pid',
    logFile: '/var/log/x/mydb.log',
  });
  it('starts idempotently under libfaketime, quoting every word', () => {
    const script = d.startScript(['/usr/bin/mydb', "--name=it's"]);
    expect(script.split('\n')[0]).toBe(
      `if { [ -s /run/x/mydb.pid ] && [ "$(cat /proc/$(cat /run/x/mydb.pid)/comm 2>/dev/null)" = 'mydb' ]; }; then exit 0; fi`,
    );
    expect(script).toContain(
      `setsid '/usr/bin/mydb' '--name=it'\\''s' >> /var/log/x/mydb.log 2>&1 < /dev/null &`,
    );
    expect(script).toContain('LD_PRELOAD=');
    expect(script).toMatch(/echo \$! > \/run\/x\/mydb\.pid$/);
  });
  it('kills by pid file and waits until the process is gone; signals only a running daemon', () => {
    expect(d.stopScript('KILL')).toContain('kill -KILL "$pid"');
    expect(d.stopScript('TERM')).toContain('kill -TERM "$pid"; kill -CONT "$pid"');
    expect(d.signalScript('STOP')).toMatch(/^if .*; then kill -STOP "\$\(cat \/run\/x\/mydb\.pid\)"; fi$/);
  });
});

describe('classifyError', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  it('fail when the op certainly did not happen, info when it may have', () => {
    expect(classifyError(new Error('timeout'), { readOnly: true }).type).toBe('fail');
    expect(classifyError(refused, { readOnly: false }).type).toBe('fail');
    expect(
      classifyError(new Error('read-only'), { readOnly: false, rejected: (e) => /read-only/.test(String(e)) })
        .type,
    ).toBe('fail');
    expect(classifyError(new Error('socket hang up'), { readOnly: false }).type).toBe('info');
  });
});
