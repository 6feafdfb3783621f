// The chain helper lives in src/control so platforms can remove faultline's chains at teardown and
// in `faultline clean`; nemeses import it from here.
export {
  CHAIN_PREFIX,
  iptablesChain,
  removeAllChainsScript,
  type IptablesChain,
} from '../src/control/iptables-chain.js';
