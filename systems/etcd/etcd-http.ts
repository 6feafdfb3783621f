import { request, type Agent } from 'node:http';

/** A request that did not produce a response; `sent` says whether a connection was up (so bytes may have left). */
export class EtcdRequestError extends Error {
  override readonly name = 'EtcdRequestError';
  constructor(
    message: string,
    readonly code: string,
    readonly sent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** etcd answered with an error status, e.g. `etcdserver: request timed out` (grpc-gateway JSON). */
export class EtcdServerError extends Error {
  override readonly name = 'EtcdServerError';
  constructor(
    message: string,
    readonly status: number,
    readonly grpcCode: number | undefined,
  ) {
    super(message);
  }
}

/**
 * POSTs JSON to etcd's v3 gateway once: no retries, aborted by `signal`. Throws EtcdRequestError
 * when no response came, EtcdServerError for a non-2xx answer.
 */
export function etcdPost(
  agent: Agent,
  host: string,
  port: number,
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    let sent = false;
    const req = request({
      host,
      port,
      path,
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      ...(signal ? { signal } : {}),
    });
    req.on('socket', (socket) => {
      if (socket.connecting) socket.once('connect', () => (sent = true));
      else sent = true;
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.name === 'AbortError' ? 'ABORTED' : (error.code ?? 'UNKNOWN');
      reject(new EtcdRequestError(`${path}: ${error.message}`, code, sent, { cause: error }));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          new EtcdRequestError(`${path}: ${error.message}`, error.code ?? 'RESPONSE', true, { cause: error }),
        ),
      );
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown>;
        try {
          json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          json = { error: text };
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300 && json.error === undefined) resolve(json);
        else {
          const message = String(json.message ?? json.error ?? `HTTP ${status}`);
          reject(new EtcdServerError(message, status, typeof json.code === 'number' ? json.code : undefined));
        }
      });
    });
    req.end(payload);
  });
}
