import { withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { Anomaly, CheckResult } from '../../src/core/checker.js';
import { FaultlineError } from '../../src/core/errors.js';
import type { History } from '../../src/core/op.js';
import type { Verdict } from '../../src/core/verdict.js';
import { AnomalySink } from './anomaly-sink.js';
import { TRANSACTIONAL_ANOMALIES } from './transactional-anomalies.js';
import {
  axiomLevel,
  classifyModels,
  isModelName,
  MODEL_NAMES,
  needsProcess,
  needsRealtime,
  prohibitedBy,
  type ConsistencyModelName,
} from './consistency-models.js';
import { toCsr } from './csr-graph.js';
import { CYCLE_CLASSES, type CycleClass } from './cycle-classes.js';
import { cycleAnomaly } from './cycle-anomaly.js';
import { EdgeList } from './edge-list.js';
import { PROCESS, REALTIME } from './edge-kinds.js';
import { findCycles } from './find-cycles.js';
import type { Inference } from './inference.js';
import { inferListAppend } from './list-append-inference.js';
import { ORDER_SENSITIVE, someCompletionAcyclic } from './open-version-orders.js';
import { addProcessEdges } from './process-edges.js';
import { realtimePairs } from './realtime-edges.js';
import { inferRwRegister } from './rw-register-inference.js';
import { FAIL, INFO, OK, readTxnHistory, type TxnWorkload } from './txn-history.js';
import { txnName } from './txn-names.js';
import { AXIOM_IDS, weakIsolation } from './weak-isolation.js';

/** Whether the model forbids cycles that only a full version order shows (they need rw edges). */
function needsFullOrder(prohibited: ReadonlySet<string>): boolean {
  return [...prohibited].some((id) => ORDER_SENSITIVE.test(id));
}

/** With open version orders, whether some full order shows none of the model's forbidden cycles. */
function settleOpenOrders(
  n: number,
  edges: EdgeList,
  inference: Inference,
  classes: readonly CycleClass[],
  prohibited: ReadonlySet<string>,
  budget: number,
): boolean {
  if (inference.openKeys === 0 || !needsFullOrder(prohibited)) return false;
  const forbidden = classes.filter((c) => prohibited.has(c.id));
  return someCompletionAcyclic(n, edges, inference, forbidden, budget);
}

export interface TransactionalOptions {
  workload: TxnWorkload;
  /** One of MODEL_NAMES, e.g. `serializable`. */
  consistencyModel: string;
  /** Edge relaxations each anomaly class's cycle search may spend (deterministic); default 2 million. */
  budget?: number;
  /** Add real-time edges; by default, when the model needs them. */
  realtime?: boolean;
}

const WORKLOADS: readonly TxnWorkload[] = ['list-append', 'rw-register'];

/**
 * Checks a list-append or rw-register history against a transactional consistency model, Elle style:
 * infer ww/wr/rw dependencies from the values read, add process and (when the model needs it)
 * real-time order, find cycles by class, and, for models at least as strong as read atomic, run
 * the vector-clock axiom pass. Pure; `valid` is 'unknown', never true, when a search was cut short
 * or an assumption (unique writes) does not hold.
 */
export function checkTransactional(history: History, options: TransactionalOptions): CheckResult {
  const started = performance.now();
  const { workload, consistencyModel } = options;
  if (!WORKLOADS.includes(workload)) {
    throw new FaultlineError('BAD_ARGUMENT', `unknown transactional workload ${JSON.stringify(workload)}`, {
      hint: `Use one of: ${WORKLOADS.join(', ')}.`,
    });
  }
  if (!isModelName(consistencyModel)) {
    throw new FaultlineError(
      'UNKNOWN_MODEL',
      `unknown consistency model ${JSON.stringify(consistencyModel)}`,
      {
        hint: `Use one of: ${MODEL_NAMES.join(', ')}.`,
      },
    );
  }
  const model: ConsistencyModelName = consistencyModel;
  const budget = options.budget ?? 2_000_000;
  const realtime = options.realtime ?? needsRealtime(model);
  const h = readTxnHistory(history, workload);
  const sink = new AnomalySink();
  const edges = new EdgeList();
  const inference =
    workload === 'list-append'
      ? inferListAppend(h, sink, edges)
      : inferRwRegister(h, sink, edges, { realtime, process: needsProcess(model) });
  const dataEdges = edges.length;
  const msInfer = performance.now() - started;
  addProcessEdges(h, edges);
  if (realtime) {
    const live: number[] = [];
    for (let t = 0; t < h.n; t++) if (h.status[t] !== FAIL) live.push(t);
    realtimePairs(live, h.invTime, h.endTime, (a, b) => edges.add(a, b, REALTIME));
  }
  const explain = (e: number): string => {
    const a = edges.from[e]!;
    const b = edges.to[e]!;
    if (edges.key[e]! >= 0) return inference.explain(e);
    if (edges.kind[e] === PROCESS) {
      return `process ${String(h.processNames[h.proc[a]!])} ran ${txnName(h, a)} before ${txnName(h, b)}, so ${txnName(h, a)} < ${txnName(h, b)}`;
    }
    return `${txnName(h, a)} completed before ${txnName(h, b)} was invoked, so ${txnName(h, a)} < ${txnName(h, b)}`;
  };
  const classes = CYCLE_CLASSES.filter((c) => realtime || !c.id.endsWith('-realtime'));
  const searchStarted = performance.now();
  const search = findCycles(toCsr(h.n, edges), classes, budget);
  const msCycles = performance.now() - searchStarted;
  const cycles: Anomaly[] = search.witnesses.map((w) => cycleAnomaly(h, edges, w.edges, w.id, explain));

  const checked = new Set<string>([...sink.counts.keys()]);
  for (const id of [
    'G1a',
    'G1b',
    'dirty-update',
    'duplicate-elements',
    'incompatible-order',
    'fractured-append',
    'internal',
    'future-read',
    'lost-update',
    'garbage-read',
    'cyclic-versions',
  ]) {
    checked.add(id);
  }
  for (const id of search.complete) checked.add(id);
  const reasons: string[] = [];
  if (search.incomplete.length > 0) {
    reasons.push(
      `the cycle search ran out of its budget of ${budget} steps per class with ${search.incomplete.join(', ')} not fully searched (${search.cyclicNodes} transactions lie on cycles)`,
    );
  }
  const axiomFound: Anomaly[] = [];
  const level = axiomLevel(model);
  const extraOrder =
    workload === 'list-append' ? { list: edges, explain, versionPos: inference.versionPos } : undefined;
  const axiomStats: Record<string, number> = {};
  const axiomStarted = performance.now();
  if (level) {
    const weak = weakIsolation(h, inference.readFrom, level, extraOrder, budget);
    for (const [k, v] of Object.entries(weak.stats)) axiomStats[`axiom.${k}`] = v;
    if (weak.valid === 'unknown')
      reasons.push(weak.unknownReason ?? 'the vector-clock pass could not decide');
    if (weak.valid === true) {
      checked.add('rc-axiom');
      checked.add('ra-axiom');
      if (level === 'causal') checked.add('cc-axiom');
    } else if (weak.valid === false) {
      checked.add(AXIOM_IDS[level]);
      // A causal violation may already be a fractured read: say which, it rules out more models.
      const ra =
        level === 'causal' ? weakIsolation(h, inference.readFrom, 'read-atomic', extraOrder, budget) : weak;
      if (ra.valid === false && ra !== weak) axiomFound.push(...ra.anomalies);
      else axiomFound.push(...weak.anomalies);
      if (ra.valid === true) {
        checked.add('rc-axiom');
        checked.add('ra-axiom');
      } else if (ra.valid === false) checked.add('ra-axiom');
    }
  }
  const msAxioms = performance.now() - axiomStarted;
  if (inference.ambiguous) reasons.push(inference.ambiguous);
  if (!realtime && needsRealtime(model))
    reasons.push(`${model} needs real-time order, but real-time edges were turned off`);

  const anomalies = [...sink.anomalies, ...cycles, ...axiomFound];
  const found = new Set<string>([
    ...sink.counts.keys(),
    ...cycles.map((a) => a.id),
    ...axiomFound.map((a) => a.id),
  ]);
  const prohibited = prohibitedBy(model);
  const violated = [...found].filter((id) => prohibited.has(id));
  const unchecked = [...prohibited].filter((id) => !checked.has(id));
  let valid: Verdict = true;
  if (violated.length > 0) valid = false;
  else if (unchecked.length > 0 || inference.ambiguous) valid = 'unknown';
  const completed = valid === true && settleOpenOrders(h.n, edges, inference, classes, prohibited, budget);
  if (valid === true && !completed && needsFullOrder(prohibited) && inference.openKeys > 0) {
    valid = 'unknown';
    reasons.push(
      `the version order of ${inference.openKeys} key${inference.openKeys === 1 ? '' : 's'} is only partly known, and the full orders tried each show a cycle ${model} forbids; another order might not`,
    );
  }
  const checkedModels = new Set(
    MODEL_NAMES.filter(
      (m) =>
        [...prohibitedBy(m)].every((id) => checked.has(id)) &&
        !inference.ambiguous &&
        (inference.openKeys === 0 || !needsFullOrder(prohibitedBy(m)) || (m === model && completed)),
    ),
  );
  const { notModels, alsoNot, possible } = classifyModels(found, checkedModels);
  let unknownReason: string | undefined;
  if (valid === 'unknown') {
    unknownReason = reasons.join('; ') || `not checked: ${unchecked.join(', ')}`;
  }
  let committed = 0;
  let indeterminate = 0;
  for (let t = 0; t < h.n; t++) {
    if (h.status[t] === OK) committed++;
    else if (h.status[t] === INFO) indeterminate++;
  }
  const counts: Record<string, number> = {};
  for (const a of [...cycles, ...axiomFound]) counts[a.id] = (counts[a.id] ?? 0) + 1;
  for (const [id, c] of sink.counts) counts[id] = (counts[id] ?? 0) + c;
  return withAnomalyKinds(
    {
      checker: 'transactional',
      valid,
      anomalies,
      ...(unknownReason === undefined ? {} : { unknownReason }),
      workload,
      consistencyModel: model,
      anomalyTypes: [...found].sort(),
      anomalyCounts: counts,
      notModels,
      alsoNot,
      possibleModels: possible,
      realtime,
      notes: inference.notes,
      stats: {
        txns: h.n,
        committed,
        indeterminate,
        aborted: h.n - committed - indeterminate,
        microOps: h.mopKind.length,
        keys: h.keyNames.length,
        ignoredOps: h.ignored,
        dataEdges,
        edges: edges.length,
        cyclicTxns: search.cyclicNodes,
        searchSteps: search.steps,
        ...axiomStats,
        msInfer: Math.round(msInfer),
        msCycles: Math.round(msCycles),
        msAxioms: Math.round(msAxioms),
        ms: Math.round(performance.now() - started),
      },
    },
    TRANSACTIONAL_ANOMALIES,
  );
}
