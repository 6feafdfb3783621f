import type { RunScope } from './run-scope.js';
import type { Task } from './task-runner.js';

/**
 * The lifecycle tasks of a run's cluster, in order: images, nodes, fault preparation, logs, the
 * database. Log collection comes before the database's setup so that its teardown runs after the
 * database stopped, also when the setup failed on some node.
 */
export function clusterTasks(run: RunScope): Task<unknown>[] {
  return [
    imagesTask(run),
    clusterTask(run),
    nodePreparationTask(run),
    logCollectionTask(run),
    systemTask(run),
  ];
}

/** Builds or reuses the system's image (and a fault's layer on it). */
function imagesTask(run: RunScope): Task<unknown> {
  const { spec, platform } = run;
  return {
    title: 'images',
    setup: async () => {
      run.image.set(await platform.images(spec.system.image, indented(run), spec.nemesis?.image));
      run.record.update({ image: run.image.get() });
    },
  };
}

/** Creates the nodes; destroys them at the end, or keeps them with --keep and says how to remove them. */
function clusterTask(run: RunScope): Task<unknown> {
  const { spec, platform, runId, log } = run;
  return {
    title: 'cluster',
    setup: async () => {
      const cluster = run.cluster.set(
        await platform.createCluster({
          runId,
          nodes: spec.nodes,
          image: run.image.get(),
          recipe: spec.system.image,
          onProgress: indented(run),
          ...(spec.nemesis?.privileges ? { privileges: spec.nemesis.privileges } : {}),
        }),
      );
      run.ctx.set({
        cluster,
        options: spec.systemOptions ?? {},
        workload: spec.workload.name,
        log: indented(run),
      });
      run.record.update({ nodeNames: [...cluster.nodes] });
    },
    teardown: async () => {
      const cluster = run.cluster.peek();
      if (spec.keep && cluster) {
        cluster.release?.();
        const clean = platform.cleanCommand?.(runId) ?? `faultline clean --run ${runId}`;
        log(`kept run ${runId}: nodes ${cluster.nodes.join(', ')}; remove with \`${clean}\``);
        return;
      }
      log('destroying the cluster');
      try {
        if (cluster) await cluster.destroy();
      } finally {
        await platform.reap(runId);
      }
    },
  };
}

/** What the faults need on every node before the database starts (e.g. a FUSE layer), and its undoing. */
function nodePreparationTask(run: RunScope): Task<unknown> {
  const { spec } = run;
  const preparations = spec.nemesis?.prepare ?? [];
  return {
    title: 'node preparation',
    setup: async () => {
      for (const p of preparations) await p.setup(run.ctx.get(), spec.system);
    },
    teardown: async () => {
      const ctx = run.ctx.peek();
      if (spec.keep || !ctx) return;
      for (const p of [...preparations].reverse()) await p.teardown(ctx);
    },
  };
}

/** Sets the database up, lets the faults settle their starting state, and records its version. */
function systemTask(run: RunScope): Task<unknown> {
  const { spec, log } = run;
  return {
    title: `${spec.system.name} setup`,
    setup: async () => {
      const ctx = run.ctx.get();
      await spec.system.setup(ctx);
      for (const p of spec.nemesis?.prepare ?? []) await p.settle?.(ctx, spec.system);
      const version = await spec.system.version(ctx);
      log(`  ${spec.system.name} ${version} is up on ${ctx.cluster.nodes.join(', ')}`);
      run.record.update({ versions: { ...run.record.current.versions, system: version } });
    },
    teardown: async () => {
      const ctx = run.ctx.peek();
      if (!spec.keep && ctx) await spec.system.teardown(ctx);
    },
  };
}

/** Copies the nodes' log files into the run directory, whatever happened (a teardown, after the database stopped). */
function logCollectionTask(run: RunScope): Task<unknown> {
  return {
    title: 'log collection',
    setup: async () => {},
    teardown: async () => {
      const cluster = run.cluster.peek();
      if (!cluster) return;
      const files = await cluster.collectLogs(run.store.logsDir, (node) => run.spec.system.logFiles(node));
      run.log(`collected ${files.length} log files`);
    },
  };
}

/** The run's log, indented: the lines of a task's own progress. */
function indented(run: RunScope): (line: string) => void {
  return (line) => run.log(`  ${line}`);
}
