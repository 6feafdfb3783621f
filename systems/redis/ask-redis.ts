import { connectDirect, whenReady } from './connect-redis.js';

/** Runs one command against the server or Sentinel at `ip:port` on a fresh connection and returns the reply. */
export async function askRedis(
  ip: string,
  port: number,
  command: string,
  ...args: string[]
): Promise<unknown> {
  const r = await connectDirect(ip, port);
  try {
    await whenReady(r, 2000);
    return await r.call(command, ...args);
  } finally {
    r.disconnect();
  }
}
