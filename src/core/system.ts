import type { Cluster } from './remote.js';
import type { Client } from './client.js';

/** What a system's Docker image needs, on top of the faultline base image. Content-addressed. */
export interface ImageRecipe {
  /** Short name used in the tag, e.g. `mydb`. */
  name: string;
  /** Debian packages installed with apt-get. */
  aptPackages: readonly string[];
  /** Files added to the image: path -> content. */
  files?: Readonly<Record<string, string>>;
  /** Extra shell commands run as Dockerfile RUN steps after the packages. */
  run?: readonly string[];
  /**
   * Your own Dockerfile instead of the generated one. It must start `FROM faultline-base`, which is
   * replaced by faultline's base image, so the nemesis tools are present. The tag hashes its text.
   */
  dockerfile?: string;
  /**
   * Files of your own build copied from the host into the image: image path -> host path. The tag
   * hashes their bytes. A `.tar`, `.tar.gz` or `.tgz` whose image path ends with `/` is unpacked there.
   */
  hostFiles?: Readonly<Record<string, string>>;
  /** An image you built yourself (e.g. `FROM faultline-base` by hand): used as it is, nothing is built. */
  tag?: string;
}

/** One of a system's own CLI options, declared as data; the CLI builds `faultline test` flags from it. */
export interface SystemOption {
  /** Key in SystemContext.options, e.g. `level`. */
  key: string;
  /** `--level <level>` takes a value; `--fast-reads` is a boolean switch. */
  flag: string;
  /** One line for `--help` and `faultline systems`. */
  help: string;
  /** The values a value-taking option accepts; anything else is rejected before the run starts. */
  choices?: readonly string[];
  /** The value when the flag is absent (a switch defaults to false). */
  default?: string | number | boolean;
  /** Turns the flag's text into the option's value; throws FaultlineError('BAD_ARGUMENT') for bad text. */
  parse?(text: string): unknown;
}

/** What a configuration promises, for the checkers to hold it to. */
export interface ConsistencyPromise {
  /**
   * The model transactional workloads (list-append, rw-register) are checked against, e.g.
   * `snapshot-isolation` for PostgreSQL's repeatable read. Absent: serializable.
   */
  transactions?: string;
  /** The model single-object workloads (register) are expected to meet, e.g. `linearizable`. */
  objects?: string;
  /**
   * What the `queue` workload holds a queue to: `exactly-once` (absent) makes an element dequeued
   * more often than enqueued an anomaly; `at-least-once` allows such redeliveries (after a lost ack)
   * and only counts them.
   */
  delivery?: 'exactly-once' | 'at-least-once';
  /** Why, in one line (shown by `faultline systems`), e.g. a documentation reference. */
  note?: string;
}

/** Options of one test as a system sees them (already validated). */
export interface SystemContext {
  cluster: Cluster;
  /** System-specific options from the CLI, e.g. `{ fastReads: true }`. */
  options: Readonly<Record<string, unknown>>;
  log(message: string): void;
}

/** How a workload talks to this system. */
export interface ClientFactory {
  /** Open a client bound to one node. Throws FaultlineError when it cannot connect at all. */
  open(ctx: SystemContext, node: string): Promise<Client>;
}

/**
 * A database under test: how to build it, start it on every node, and stop it.
 * `setup` must leave a healthy cluster or throw a FaultlineError('SYSTEM_START_FAILED').
 */
export interface System {
  name: string;
  description: string;
  image: ImageRecipe;
  /** Version string of the database, read from the node after setup. */
  version(ctx: SystemContext): Promise<string>;
  setup(ctx: SystemContext): Promise<void>;
  teardown(ctx: SystemContext): Promise<void>;
  /** Paths on each node worth collecting into the run directory. */
  logFiles(node: string): readonly string[];
  /** The system's own CLI options, as data: the CLI builds flags, help and `faultline systems` from them. */
  options?: readonly SystemOption[];
  /**
   * Rejects a bad combination of options for `nodeCount` nodes with FaultlineError('BAD_ARGUMENT'),
   * before any image is built or container started. `options` are parsed and have their defaults.
   */
  validate?(options: Readonly<Record<string, unknown>>, nodeCount: number): void;
  /** The consistency model this configuration promises. */
  promises?(options: Readonly<Record<string, unknown>>): ConsistencyPromise;
  /** Example command lines for `faultline test --help`, without the leading `$ `. */
  examples?: readonly string[];
  /** The system SDK version it was written for (set by `defineSystem`); checked when it is loaded. */
  sdkVersion?: number;
  /** Clients per workload name this system supports. */
  clients: Readonly<Record<string, ClientFactory>>;
  /** Optional capabilities the nemesis uses. */
  killable?: Killable;
  pausable?: Pausable;
  primaries?: HasPrimaries;
  process?: HasProcess;
  /** Where it keeps its durable state, for the file-system faults (lose-unfsynced, corrupt). */
  storage?: Storage;
}

/** A system's durable state on each node, as the file-system faults need to know it. */
export interface Storage {
  /**
   * Absolute directory holding everything the database persists. The file-system layer of
   * lose-unfsynced is mounted on its parent, so the system may remove and recreate it.
   */
  dataDir: string;
  /** Files the corrupt fault may damage: shell globs relative to dataDir (data files, write-ahead logs). */
  corruptible: readonly string[];
  /**
   * Why this configuration does not fsync what it acknowledges (losing unsynced writes would then
   * only show that), or undefined when lose-unfsynced is a fair fault for it.
   */
  notDurable?(options: Readonly<Record<string, unknown>>): string | undefined;
}

/** The database process can be killed with SIGKILL and restarted. */
export interface Killable {
  kill(ctx: SystemContext, node: string): Promise<void>;
  start(ctx: SystemContext, node: string): Promise<void>;
}

/** The database process can be paused (SIGSTOP) and resumed (SIGCONT). */
export interface Pausable {
  pause(ctx: SystemContext, node: string): Promise<void>;
  resume(ctx: SystemContext, node: string): Promise<void>;
}

/** The system can say which nodes are primaries now (for targeted partitions and reports). */
export interface HasPrimaries {
  primaries(ctx: SystemContext): Promise<string[]>;
}

/** The database process id on a node, for nemeses that act on the process itself (clock probes). */
export interface HasProcess {
  /** The pid inside the node, or undefined when the process is not running. */
  pid(ctx: SystemContext, node: string): Promise<number | undefined>;
}
