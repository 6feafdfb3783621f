import { connect, type Socket } from 'node:net';

/** The console's greeting: two lines padded to 64 bytes each. */
const GREETING_BYTES = 128;
/** Every answer is a YAML document ending with this line. */
const END = '\n...\n';

/** An error the Lua code raised (`- error: ...`): Tarantool answered, so the request was handled. */
export class LuaError extends Error {
  override readonly name = 'LuaError';
}

/** A value of the answer's first YAML list item: a number, a boolean, null, or the text itself. */
export function parseYamlScalar(text: string): unknown {
  if (text === 'null' || text === '~' || text === '') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text.replace(/^'(.*)'$/s, '$1').replace(/''/g, "'");
}

/** The first value of a console answer (`---\n- 5\n...\n`); throws LuaError for `- error: ...`. */
export function parseConsoleAnswer(answer: string): unknown {
  const lines = answer.split('\n').filter((l) => l !== '---' && l !== '...' && l !== '');
  const first = lines[0];
  if (first === undefined) return null;
  const error = /^- error: (.*)$/.exec(first);
  if (error) throw new LuaError(String(parseYamlScalar(error[1]!)));
  return parseYamlScalar(first.replace(/^- ?/, ''));
}

/**
 * A connection to Tarantool's plain-text Lua console over TCP: send one line of Lua, read one YAML
 * answer. One request at a time, which is how a faultline client uses it.
 */
export class LuaConsole {
  private buffer = '';
  private waiting: ((chunk: string) => void) | undefined;
  private closed: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.waiting?.(this.buffer);
    });
    const fail = (e: Error): void => {
      this.closed = e;
      this.waiting?.(this.buffer);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(this.closed ?? new Error('console connection closed')));
  }

  /** Connects and reads the greeting; rejects with the socket's error (e.g. ECONNREFUSED). */
  static async open(host: string, port: number, timeoutMs = 2000): Promise<LuaConsole> {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`ETIMEDOUT: no greeting in ${timeoutMs} ms`)));
    const console = new LuaConsole(socket);
    await console.until((b) => (b.length >= GREETING_BYTES ? GREETING_BYTES : undefined));
    socket.setTimeout(0);
    return console;
  }

  /** Runs one line of Lua and returns its first result. */
  async eval(lua: string, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) throw new Error('aborted before sending');
    const abort = (): void => {
      this.socket.destroy(new Error('aborted'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    try {
      this.socket.write(`${lua.replace(/\n/g, ' ')}\n`);
      const answer = await this.until((b) => {
        const end = b.indexOf(END);
        return end < 0 ? undefined : end + END.length;
      });
      return parseConsoleAnswer(answer);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  close(): void {
    this.socket.destroy();
  }

  /** Waits until `complete` says how many buffered characters form a whole message; returns them. */
  private until(complete: (buffer: string) => number | undefined): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (b: string): void => {
        const n = complete(b);
        if (n !== undefined) {
          this.waiting = undefined;
          this.buffer = b.slice(n);
          resolve(b.slice(0, n));
        } else if (this.closed) {
          this.waiting = undefined;
          reject(this.closed);
        }
      };
      this.waiting = check;
      check(this.buffer);
    });
  }
}
