import type { ImageRecipe } from '../core/system.js';
import { removeAllChainsScript } from './iptables-chain.js';
import { shellQuote } from './shell-quote.js';
import { NODE_TOOLS } from './system-image.js';

/** Marks the policy-rc.d faultline writes while installing, so cleanup removes only its own. */
const POLICY_MARK = '# written by faultline while installing packages';

/** Exit code of the install script on a host that is not Debian or Ubuntu. */
export const NOT_DEBIAN_EXIT = 64;

/** The packages a host needs for a recipe: the nemeses' tools and the system's own, sorted. */
export function hostPackages(recipe: ImageRecipe): string[] {
  return [...new Set([...NODE_TOOLS, ...recipe.aptPackages])].sort();
}

/**
 * Shell that installs the recipe's packages on a Debian or Ubuntu host, only those missing (so a
 * prepared host installs nothing), with services kept from starting (a policy-rc.d of its own,
 * removed on exit). Prints `missing: <packages>` before installing.
 */
export function aptInstallScript(recipe: ImageRecipe): string {
  const packages = hostPackages(recipe).map(shellQuote).join(' ');
  return [
    'set -e',
    '. /etc/os-release',
    `case " $ID $ID_LIKE " in *' debian '*|*' ubuntu '*) ;; *) echo "faultline installs with apt on Debian or Ubuntu; this host runs $PRETTY_NAME" >&2; exit ${NOT_DEBIAN_EXIT};; esac`,
    'missing=""',
    `for p in ${packages}; do dpkg-query -W -f='\${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"; done`,
    'echo "missing:$missing"',
    '[ -n "$missing" ] || exit 0',
    'if [ ! -e /usr/sbin/policy-rc.d ]; then',
    `  printf '#!/bin/sh\\n${POLICY_MARK}\\nexit 101\\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d`,
    "  trap 'rm -f /usr/sbin/policy-rc.d' EXIT",
    'fi',
    'export DEBIAN_FRONTEND=noninteractive',
    'apt-get update -q',
    'apt-get install -y -q --no-install-recommends $missing',
  ].join('\n');
}

/**
 * Shell that removes what faultline may have left on a host, and nothing else: it resumes and kills
 * every process with a pidfile under /run/faultline, removes every faultline-* iptables chain (and
 * the jumps to it), the runtime dir (pidfiles, the faketime offset) and faultline's own policy-rc.d.
 * Prints one line per thing it removed. Run at teardown and by `faultline clean --ssh`.
 */
export const hostCleanupScript = [
  'if [ -d /run/faultline ]; then',
  '  for f in /run/faultline/*.pid; do',
  '    [ -f "$f" ] || continue',
  '    p=$(cat "$f" 2>/dev/null)',
  '    case "$p" in ""|*[!0-9]*) continue;; esac',
  '    if [ -d "/proc/$p" ]; then kill -CONT "$p" 2>/dev/null; kill -9 "$p" 2>/dev/null && echo "killed $(basename "$f" .pid) (pid $p)"; fi',
  '  done',
  '  rm -rf /run/faultline && echo "removed /run/faultline"',
  'fi',
  `if [ -f /usr/sbin/policy-rc.d ] && grep -qF '${POLICY_MARK}' /usr/sbin/policy-rc.d; then rm -f /usr/sbin/policy-rc.d && echo "removed /usr/sbin/policy-rc.d"; fi`,
  `chains=$(iptables -w -S 2>/dev/null | grep -c '^-N faultline-' || true)`,
  '[ "${chains:-0}" = 0 ] || echo "removed $chains iptables chains"',
  `(${removeAllChainsScript})`,
].join('\n');
