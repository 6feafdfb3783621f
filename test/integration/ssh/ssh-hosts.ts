// Stand-in hosts for the SSH platform's tests: containers of the sshhost image on a labelled
// faultline network, each running sshd with its own host keys, and a key pair made for the test.
// The SSH platform is pointed at their addresses and does not know they are containers.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { createCluster, type DockerCluster } from '../../../src/control/docker-cluster.js';
import { ensureImages } from '../../../src/control/images.js';
import { SSH_HOST_START, SSH_HOST_SUDO_USER, sshHostImage } from './ssh-host-image.js';

export interface SshHosts {
  /** The containers, for looking at the hosts from outside SSH. */
  docker: DockerCluster;
  /** Host addresses, in node order. */
  ips: string[];
  /** Private key accepted by root and the sudo user on every host. */
  keyFile: string;
  /** A known_hosts file with every host's keys. */
  knownHosts: string;
  /** A temp dir for the test's own files. */
  dir: string;
  sudoUser: string;
  /** Runs a shell line on a host as root, outside SSH (docker exec); its stdout, trimmed. */
  sh(index: number, script: string): Promise<string>;
  stop(): Promise<void>;
}

/** A fresh ed25519 key pair in OpenSSH format. */
export function newKeyPair(): { private: string; public: string } {
  const pair = ssh2.utils.generateKeyPairSync('ed25519');
  return { private: pair.private, public: pair.public };
}

async function waitPort(host: string, port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host, port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`sshd on ${host}:${port} did not come up`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts `count` stand-in hosts with sshd, authorizes a new key for root and the sudo user. */
export async function startSshHosts(name: string, count = 3): Promise<SshHosts> {
  const { image } = await ensureImages(sshHostImage, { onProgress: () => {} });
  const docker = await createCluster({
    runId: `it-ssh-${name}-${randomBytes(3).toString('hex')}`,
    nodeCount: count,
    image,
  });
  const dir = mkdtempSync(join(tmpdir(), 'faultline-ssh-'));
  try {
    const key = newKeyPair();
    const keyFile = join(dir, 'id_ed25519');
    writeFileSync(keyFile, key.private, { mode: 0o600 });
    const ips = docker.nodes.map((n) => docker.ip(n));
    const known: string[] = [];
    await Promise.all(
      docker.nodes.map(async (node, i) => {
        const run = async (script: string): Promise<string> => {
          const r = await docker.remote.exec(node, ['sh', '-c', script], { timeoutMs: 30_000 });
          if (r.exitCode !== 0) throw new Error(`${node}: ${script}: ${r.stderr}`);
          return r.stdout;
        };
        await run(SSH_HOST_START);
        await docker.remote.upload(node, '/root/.ssh/authorized_keys', `${key.public}\n`, 0o600);
        const home = `/home/${SSH_HOST_SUDO_USER}/.ssh`;
        await docker.remote.upload(node, `${home}/authorized_keys`, `${key.public}\n`, 0o600);
        await run(`chown -R ${SSH_HOST_SUDO_USER}: ${home} && chmod 700 ${home} /root/.ssh`);
        const pubs = await run('cat /etc/ssh/ssh_host_*_key.pub');
        for (const line of pubs.trim().split('\n')) {
          const [type, blob] = line.split(' ');
          known.push(`${ips[i]} ${type} ${blob}`);
        }
        await waitPort(ips[i]!, 22);
      }),
    );
    const knownHosts = join(dir, 'known_hosts');
    writeFileSync(knownHosts, `${known.join('\n')}\n`);
    return {
      docker,
      ips,
      keyFile,
      knownHosts,
      dir,
      sudoUser: SSH_HOST_SUDO_USER,
      async sh(index, script) {
        const r = await docker.remote.exec(docker.nodes[index]!, ['sh', '-c', script], { timeoutMs: 30_000 });
        return r.stdout.trim();
      },
      async stop() {
        await docker.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await docker.destroy();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * What faultline may have left on a host, as seen from outside SSH: faultline-* chains or jumps,
 * /run/faultline, faultline's policy-rc.d, and processes other than sshd, the shells and sleep.
 */
export async function hostLeftovers(hosts: SshHosts, index: number): Promise<string[]> {
  const out = await hosts.sh(
    index,
    [
      "iptables -w -S | grep -- 'faultline-' | sed 's/^/rule: /'",
      '[ -e /run/faultline ] && echo "file: /run/faultline"',
      "grep -l faultline /usr/sbin/policy-rc.d 2>/dev/null | sed 's/^/file: /'",
      "ps -eo comm= | grep -v -x -E 'sleep|sshd|sh|ps|grep|docker-init|sed|timeout' | sed 's/^/process: /'",
      'true',
    ].join('; '),
  );
  return out.split('\n').filter(Boolean);
}
