import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import ssh2, { type AnyAuthMethod } from 'ssh2';
import { FaultlineError } from '../core/errors.js';

/** Where the credentials come from: a key file, else the agent, then ~/.ssh/id_* (as ssh does). */
export interface SshAuthOptions {
  /** `--ssh-key`: use only this private key. */
  keyFile?: string;
  /** The agent socket (default: $SSH_AUTH_SOCK). */
  agent?: string;
  /** Where the default keys are looked up (default: ~/.ssh). */
  sshDir?: string;
}

/** The credentials, in the order they are offered to every host. */
export interface SshAuth {
  /** e.g. `key ~/.ssh/id_ed25519` or `the agent, then ~/.ssh/id_rsa`, for messages. */
  describe: string;
  methods(username: string): AnyAuthMethod[];
}

/** The default key files, in the order OpenSSH tries them. */
const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

/**
 * Loads the credentials before any host is contacted: a given key must exist, parse and not need a
 * passphrase (use the agent for those); without a key and agent, at least one default key must load.
 */
export async function loadSshAuth(options: SshAuthOptions = {}): Promise<SshAuth> {
  if (options.keyFile !== undefined) {
    const key = await readKey(options.keyFile, true);
    return { describe: `key ${options.keyFile}`, methods: (username) => [publicKey(username, key!)] };
  }
  const agent = options.agent ?? process.env['SSH_AUTH_SOCK'];
  const dir = options.sshDir ?? join(homedir(), '.ssh');
  const keys: { path: string; key: Buffer }[] = [];
  for (const name of DEFAULT_KEYS) {
    const path = join(dir, name);
    const key = await readKey(path, false);
    if (key) keys.push({ path, key });
  }
  if (!agent && keys.length === 0) {
    throw new FaultlineError(
      'SSH_AUTH_FAILED',
      `No SSH agent ($SSH_AUTH_SOCK unset) and no usable key in ${dir}.`,
      {
        hint: 'Pass --ssh-key <file>, start ssh-agent and ssh-add your key, or create one with ssh-keygen -t ed25519.',
      },
    );
  }
  const describe = [...(agent ? ['the agent'] : []), ...keys.map((k) => k.path)].join(', then ');
  return {
    describe,
    methods: (username) => [
      ...(agent ? [{ type: 'agent' as const, username, agent }] : []),
      ...keys.map((k) => publicKey(username, k.key)),
    ],
  };
}

function publicKey(username: string, key: Buffer): AnyAuthMethod {
  return { type: 'publickey', username, key };
}

/** Reads and checks a private key; a missing default key is undefined, a bad given one an error. */
async function readKey(path: string, required: boolean): Promise<Buffer | undefined> {
  let key: Buffer;
  try {
    key = await readFile(path);
  } catch (cause) {
    if (!required) return undefined;
    throw new FaultlineError(
      'SSH_AUTH_FAILED',
      `Cannot read the SSH key ${path}: ${(cause as Error).message}`,
      {
        hint: 'Check the path given to --ssh-key.',
        cause,
      },
    );
  }
  const parsed = ssh2.utils.parseKey(key);
  if (parsed instanceof Error) {
    // A default key that needs a passphrase is skipped, as when ssh cannot prompt; the agent may hold it.
    if (!required) return undefined;
    const encrypted = /encrypted|passphrase/i.test(parsed.message);
    throw new FaultlineError(
      'SSH_AUTH_FAILED',
      encrypted
        ? `The SSH key ${path} needs a passphrase, which faultline does not ask for.`
        : `The SSH key ${path} is not a private key ssh2 can read: ${parsed.message}`,
      {
        hint: encrypted
          ? 'Add it to ssh-agent (ssh-add) and leave out --ssh-key, or give an unencrypted key.'
          : 'Give an OpenSSH or PEM private key (ed25519, ecdsa or rsa).',
      },
    );
  }
  return key;
}
