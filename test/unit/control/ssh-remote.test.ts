import { describe, expect, it } from 'vitest';
import { SshRemote } from '../../../src/control/ssh-remote.js';
import { shellCommand, shellQuote } from '../../../src/control/shell-quote.js';

describe('shellQuote', () => {
  it('leaves plain words and quotes the rest', () => {
    expect(shellQuote('/usr/bin/etcd')).toBe('/usr/bin/etcd');
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellCommand(['sh', '-c', 'echo a && echo b'])).toBe("sh -c 'echo a && echo b'");
  });
});

describe('SshRemote.commandLine', () => {
  const plain = new SshRemote(new Map(), false);
  const sudo = new SshRemote(new Map(), true);

  it('kills a timed-out command on the host', () => {
    expect(plain.commandLine(['sleep', '9'], { timeoutMs: 1500 })).toBe('timeout -s KILL 2 sleep 9');
  });

  it('runs through sudo -n when asked, with the environment inside', () => {
    expect(sudo.commandLine(['id', '-u'], { env: { A: 'b c' } })).toBe("sudo -n -- env 'A=b c' id -u");
  });

  it('detaches into its own session with no open output', () => {
    expect(plain.commandLine(['sh', '-c', 'sleep 9'], { detach: true })).toBe(
      "setsid sh -c 'sleep 9' >/dev/null 2>&1 </dev/null &",
    );
    expect(sudo.commandLine(['sleep', '9'], { detach: true })).toBe(
      "sudo -n sh -c 'setsid sleep 9 >/dev/null 2>&1 </dev/null &'",
    );
  });
});
