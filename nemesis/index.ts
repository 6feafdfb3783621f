export {
  nemesisPackage,
  nemesisKinds,
  type NemesisKind,
  type NemesisPackage,
  type NemesisPackageOptions,
} from './nemesis-package.js';
export { composeNemeses } from './compose-nemesis.js';
export { partitionNemesis, partitionFault, partitionScript } from './partition-nemesis.js';
export { killNemesis, killFault } from './kill-nemesis.js';
export { pauseNemesis, pauseFault } from './pause-nemesis.js';
export {
  clockNemesis,
  clockFault,
  faketimeOffset,
  type ClockFaultOptions,
  type ClockNemesisOptions,
} from './clock-nemesis.js';
export { judgeClockProbe, CLOCK_PROBE_SCRIPT, type ClockVisibility } from './clock-probe.js';
export {
  effectiveMode,
  grudgeFor,
  completeGrudge,
  visibleFrom,
  shuffle,
  PARTITION_MODES,
  type Grudge,
  type PartitionMode,
} from './grudge.js';
export { pickNodes, nodesOf, TARGETS, type Target } from './targets.js';
export { loseUnsyncedNemesis, loseUnsyncedFault, loseUnsyncedPackage } from './lose-unfsynced-nemesis.js';
export { corruptNemesis, corruptFault, corruptPackage } from './corrupt-nemesis.js';
export { planCorruption, CORRUPT_MODES, type CorruptMode, type CorruptionPlan } from './corruption-plan.js';
export { fsLayer, parseLoseReport, type LoseReport } from './fs-layer.js';
export { fsLayerImage } from './fs-layer-image.js';
export {
  packetLossNemesis,
  packetLossFault,
  packetLossScript,
  lossSpec,
  PACKET_CHAIN,
  PACKET_START,
  PACKET_STOP,
} from './packet-loss-nemesis.js';
export { checkProbability, checkLink, type PacketLossOptions } from './packet-loss-options.js';
export { lossGrudge, linkGrudge, grudgeLinks } from './loss-grudge.js';
export { judgePtraceProbe, type PtraceClockVisibility } from './clock-ptrace-probe.js';
