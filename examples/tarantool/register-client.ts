import { classifyError, type Client, type ClientFactory, type Completion, type Op } from 'faultline/system';
import { LuaConsole, LuaError } from './lua-console.js';
import { CONSOLE_PORT } from './tarantool-config.js';

/** Errors Tarantool raises before it changed anything: the write certainly did not happen. */
const REJECTED = [/read-only/i, /Duplicate key/i];

/** A Lua literal for a register value: an integer or nil. */
function lua(value: unknown): string {
  return typeof value === 'number' && Number.isInteger(value) ? String(value) : 'nil';
}

/**
 * The register workload over the Lua console: `read [k, null]` -> `[k, v]`, `write [k, v]`,
 * `cas [k, [old, new]]`. Every op goes to the leader, one Lua call each.
 */
export class TarantoolRegisterClient implements Client {
  constructor(private readonly console: LuaConsole) {}

  async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
    const [k, arg] = Array.isArray(op.value) ? op.value : [op.value, null];
    try {
      switch (op.f) {
        case 'read':
          return { type: 'ok', value: [k ?? null, (await this.console.eval(`return faultline_read(${lua(k)})`, signal)) as number | null] };
        case 'write':
          await this.console.eval(`return faultline_write(${lua(k)}, ${lua(arg)})`, signal);
          return { type: 'ok', value: op.value };
        case 'cas': {
          const [from, to] = Array.isArray(arg) ? arg : [null, null];
          const done = await this.console.eval(`return faultline_cas(${lua(k)}, ${lua(from)}, ${lua(to)})`, signal);
          return done === true ? { type: 'ok', value: op.value } : { type: 'fail', value: op.value, error: 'cas-mismatch' };
        }
        default:
          return { type: 'fail', value: op.value, error: `unsupported f ${op.f}` };
      }
    } catch (error) {
      return {
        value: op.value,
        ...classifyError(error, {
          readOnly: op.f === 'read',
          rejected: (e) => e instanceof LuaError && REJECTED.some((r) => r.test(e.message)),
        }),
      };
    }
  }

  close(): Promise<void> {
    this.console.close();
    return Promise.resolve();
  }
}

/** Opens a console on the leader (the first node) for every worker. */
export const tarantoolRegisterClients: ClientFactory = {
  async open(ctx) {
    return new TarantoolRegisterClient(await LuaConsole.open(ctx.cluster.ip(ctx.cluster.nodes[0]!), CONSOLE_PORT));
  },
};
