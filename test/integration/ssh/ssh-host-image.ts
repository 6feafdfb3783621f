import type { ImageRecipe } from '../../../src/core/system.js';

/** The non-root user with passwordless sudo on the stand-in hosts (for `--ssh-user ... --sudo`). */
export const SSH_HOST_SUDO_USER = 'admin';

/**
 * A stand-in for a fresh Debian host, for the SSH platform's tests (there are no spare machines):
 * openssh-server and sudo on faultline's debootstrap base, a root login by key and a sudo user.
 * Host keys are made when a container starts (`SSH_HOST_START`), so each host has its own. etcd's
 * packages are pre-installed so a test does not wait for apt; the install step then finds them.
 */
export const sshHostImage: ImageRecipe = {
  name: 'sshhost',
  aptPackages: ['openssh-server', 'sudo', 'etcd-server', 'etcd-client'],
  run: [
    'rm -f /etc/ssh/ssh_host_*',
    `useradd -m -s /bin/bash ${SSH_HOST_SUDO_USER} && echo '${SSH_HOST_SUDO_USER} ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/${SSH_HOST_SUDO_USER} && chmod 440 /etc/sudoers.d/${SSH_HOST_SUDO_USER}`,
    "printf 'PasswordAuthentication no\\nPermitRootLogin prohibit-password\\nUseDNS no\\n' > /etc/ssh/sshd_config.d/faultline.conf",
  ],
};

/** Starts sshd on a stand-in host (run detached as root): fresh host keys, then the daemon. */
export const SSH_HOST_START = 'mkdir -p /run/sshd && ssh-keygen -A && /usr/sbin/sshd -E /var/log/sshd.log';
