import { describe, expect, it } from 'vitest';
import type { Client } from '../../../src/core/client.js';
import type { Op } from '../../../src/core/op.js';
import { validateClient } from '../../../src/runner/validate-client.js';

const op: Op = { index: 0, type: 'invoke', process: 0, f: 'write', value: 3, time: 0 };
const client = (invoke: Client['invoke']): Client => ({ invoke, close: async () => {} });
const signal = new AbortController().signal;

describe('validateClient', () => {
  it('passes a well-formed completion through', async () => {
    const c = validateClient(
      client(async () => ({ type: 'ok', value: 3 })),
      1000,
    );
    expect(await c.invoke(op, signal)).toEqual({ type: 'ok', value: 3 });
  });

  it('keeps the node that served the op, and rejects a node that is not a name', async () => {
    const served = validateClient(
      client(async () => ({ type: 'ok', value: 3, node: 'n2' })),
      1000,
    );
    expect(await served.invoke(op, signal)).toEqual({ type: 'ok', value: 3, node: 'n2' });
    const bad = validateClient(
      client(async () => ({ type: 'ok', value: 3, node: 7 }) as never),
      1000,
    );
    expect(await bad.invoke(op, signal)).toMatchObject({
      type: 'info',
      error: expect.stringMatching(/invalid completion: node 7/),
    });
  });

  it('turns a thrown error into info with the message', async () => {
    const c = validateClient(
      client(() => Promise.reject(new Error('connection reset'))),
      1000,
    );
    expect(await c.invoke(op, signal)).toEqual({ type: 'info', value: 3, error: 'connection reset' });
  });

  it('turns a malformed completion into info', async () => {
    const c = validateClient(
      client(async () => ({ type: 'okay', value: 3 }) as never),
      1000,
    );
    expect(await c.invoke(op, signal)).toMatchObject({
      type: 'info',
      error: expect.stringMatching(/invalid completion/),
    });
  });

  it('turns an op past its timeout into info and aborts it', async () => {
    let seen: AbortSignal | undefined;
    const c = validateClient(
      client((_op, s) => {
        seen = s;
        return new Promise(() => {});
      }),
      20,
    );
    expect(await c.invoke(op, signal)).toMatchObject({ type: 'info', error: 'timeout after 20 ms' });
    expect(seen?.aborted).toBe(true);
  });

  it('ends a running op as info when the run is interrupted', async () => {
    const ac = new AbortController();
    const c = validateClient(
      client(() => new Promise(() => {})),
      10_000,
    );
    setTimeout(() => ac.abort(), 10);
    expect(await c.invoke(op, ac.signal)).toMatchObject({ type: 'info', error: 'interrupted' });
  });
});
