import type { NodePrivileges } from '../core/nemesis.js';
import type { Cluster } from '../core/remote.js';
import type { ImageRecipe } from '../core/system.js';
import { createCluster, ensureImages, reap } from '../control/index.js';

/** A cluster the runner owns: it collects the nodes' logs and destroys it. */
export interface ManagedCluster extends Cluster {
  /** Copies each node's files into `<dir>/<node>/`; returns the written paths. */
  collectLogs(dir: string, files: (node: string) => readonly string[]): Promise<string[]>;
  /** Removes every container and the network; safe to call twice. */
  destroy(): Promise<void>;
  /** Lets go of a cluster kept with --keep (closes connections; the nodes stay as they are). */
  release?(): void;
}

/** Where clusters come from: Docker today, SSH hosts later. */
export interface Platform {
  /** Shown in the report header and test.json: `docker`, `ssh`. */
  name: string;
  /** Builds or reuses the system's image, and a fault's layer on it when given; returns the tag to run. */
  images(recipe: ImageRecipe, onProgress: (line: string) => void, layer?: ImageRecipe): Promise<string>;
  createCluster(options: {
    runId: string;
    nodes: number;
    image: string;
    /** The system's recipe: what a platform without images installs on its hosts. */
    recipe: ImageRecipe;
    onProgress: (line: string) => void;
    /** Granted to every node only when the run's nemesis asks for them. */
    privileges?: NodePrivileges;
  }): Promise<ManagedCluster>;
  /** Removes whatever of run `runId` is left (after a failed create or destroy). */
  reap(runId: string): Promise<void>;
  /** The command that removes a run kept with --keep (default `faultline clean --run <id>`). */
  cleanCommand?(runId: string): string;
}

/** Labelled Docker containers on one bridge network (src/control). */
export const dockerPlatform: Platform = {
  name: 'docker',
  images: async (recipe, onProgress, layer) =>
    (await ensureImages(recipe, { onProgress, ...(layer ? { layer } : {}) })).image,
  createCluster: (o) =>
    createCluster({
      runId: o.runId,
      nodeCount: o.nodes,
      image: o.image,
      onProgress: o.onProgress,
      ...(o.privileges ? { privileges: o.privileges } : {}),
    }),
  reap: async (runId) => {
    await reap({ runId });
  },
  cleanCommand: (runId) => `faultline clean --run ${runId}`,
};
