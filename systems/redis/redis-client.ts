import type { Redis } from 'ioredis';
import type { Client, Completion } from '../../src/core/client.js';
import type { Op, Value } from '../../src/core/op.js';
import { raceAbort } from '../common/race-abort.js';
import { classifyRedisError } from './classify-redis-error.js';
import { casMismatch } from '../../src/core/failed-cas.js';

/** Compare-and-set in one atomic script: 1 when the register held `old` and now holds `new`. */
const CAS =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 else return 0 end";

/** The key a set workload adds to. */
const SET_KEY = 'faultline-set';

/**
 * Register ops (read, write, cas on `[key, value]`, cas value `[old, new]`) and set ops (add, read)
 * against Redis strings and one Redis set. One command per op; values are integers.
 */
export class RedisClient implements Client {
  constructor(private readonly redis: Redis) {}

  async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
    const write = op.f !== 'read';
    try {
      return await raceAbort(this.run(op), signal);
    } catch (err) {
      return {
        type: classifyRedisError(err, write),
        value: op.value,
        error: err instanceof Error ? err.message : String(err),
      };
    }
  }

  close(): Promise<void> {
    this.redis.disconnect();
    return Promise.resolve();
  }

  private async run(op: Op): Promise<Completion> {
    const r = this.redis;
    if (op.f === 'add') {
      await r.sadd(SET_KEY, String(op.value as number));
      return { type: 'ok', value: op.value };
    }
    if (op.f === 'read' && !Array.isArray(op.value)) {
      const members = await r.smembers(SET_KEY);
      return { type: 'ok', value: members.map(Number).sort((a, b) => a - b) };
    }
    const [key, arg] = op.value as [Value, Value];
    const k = `r${String(key)}`;
    switch (op.f) {
      case 'read': {
        const v = await r.get(k);
        return { type: 'ok', value: [key, v === null ? null : Number(v)] };
      }
      case 'write':
        await r.set(k, String(arg as number));
        return { type: 'ok', value: op.value };
      case 'cas': {
        const [from, to] = arg as [number, number];
        const done = await r.eval(CAS, 1, k, String(from), String(to));
        return done === 1 ? { type: 'ok', value: op.value } : casMismatch(op.value);
      }
      default:
        return { type: 'fail', value: op.value, error: `redis client does not support ${op.f}` };
    }
  }
}
