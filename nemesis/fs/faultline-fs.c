/*
 * faultline-fs: a pass-through FUSE file system that can forget what was never made durable.
 *
 * Usage: faultline-fs <state-dir> <mountpoint>
 * The live tree is <state-dir>/data; <state-dir>/grave keeps unlinked files until their unlink is
 * durable. Writing "lose" to <mountpoint>/.faultline-ctl (after the database was killed) puts the tree
 * back to its durable state; reading that file reports what is pending and what the last lose dropped.
 *
 * The durability model (docs/nemesis.md has the long form):
 *  - contents and size of a file become durable at fsync or fdatasync of the file, or when a write
 *    through a descriptor opened with O_SYNC or O_DSYNC returns. Nothing else makes them durable:
 *    not close, not sync_file_range (which FUSE does not even forward).
 *  - names (create, mknod, mkdir, symlink, link, unlink, rmdir, rename) form one ordered journal.
 *    An fsync of a directory makes all of it durable; an fsync of a file makes durable the prefix up
 *    to the last entry that named the file (its creation, link or rename), as ext4 and XFS commit
 *    the transaction holding the inode. A crash keeps exactly the durable prefix.
 *  - attributes (mode, owner, times) pass through and are not rolled back.
 *  - everything runs on one thread, so each operation is atomic with respect to a lose.
 */
#define FUSE_USE_VERSION 31
#define _GNU_SOURCE
#include <fuse.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "content-undo.h"
#include "name-log.h"

#define CTL_PATH "/.faultline-ctl"

struct handle {
  int fd;
  int sync; /* opened with O_SYNC or O_DSYNC */
  int ctl;  /* the control file */
  DIR *dir;
};

static int root_fd = -1;
static char last_lose[512] = "none\n";

#define H(fi) ((struct handle *)(uintptr_t)(fi)->fh)

static const char *rel(const char *path) { return path[1] ? path + 1 : "."; }
static int is_ctl(const char *path) { return path && strcmp(path, CTL_PATH) == 0; }

/** Gives a new name the owner of the calling process (the daemon runs as root). */
static int own(const char *path) {
  struct fuse_context *c = fuse_get_context();
  return fchownat(root_fd, rel(path), c->uid, c->gid, AT_SYMLINK_NOFOLLOW) != 0 ? -errno : 0;
}

/** Logs a name just created by the caller, owned by the caller. */
static int created(const char *path) {
  struct stat st;
  int r = own(path);
  if (r) return r;
  if (fstatat(root_fd, rel(path), &st, AT_SYMLINK_NOFOLLOW) != 0) return -errno;
  return nl_created(path, st.st_ino);
}

/** An fsync of fd's file: its contents and the names up to its own are durable. */
static void commit_file(int fd) {
  struct stat st;
  cu_commit(fd);
  if (fstat(fd, &st) == 0) nl_commit_through(st.st_ino);
}

static int fs_getattr(const char *path, struct stat *st, struct fuse_file_info *fi) {
  if (is_ctl(path) || (fi && H(fi)->ctl)) {
    memset(st, 0, sizeof *st);
    st->st_mode = S_IFREG | 0600;
    st->st_nlink = 1;
    return 0;
  }
  int r = fi ? fstat(H(fi)->fd, st) : fstatat(root_fd, rel(path), st, AT_SYMLINK_NOFOLLOW);
  return r == 0 ? 0 : -errno;
}

static int fs_readlink(const char *path, char *buf, size_t size) {
  ssize_t n = readlinkat(root_fd, rel(path), buf, size - 1);
  if (n < 0) return -errno;
  buf[n] = '\0';
  return 0;
}

static int fs_mknod(const char *path, mode_t mode, dev_t rdev) {
  if (is_ctl(path)) return -EEXIST;
  if (mknodat(root_fd, rel(path), mode, rdev) != 0) return -errno;
  return created(path);
}

static int fs_mkdir(const char *path, mode_t mode) {
  if (is_ctl(path)) return -EEXIST;
  if (mkdirat(root_fd, rel(path), mode) != 0) return -errno;
  return created(path);
}

static int fs_symlink(const char *target, const char *path) {
  if (is_ctl(path)) return -EEXIST;
  if (symlinkat(target, root_fd, rel(path)) != 0) return -errno;
  return created(path);
}

static int fs_link(const char *from, const char *to) {
  if (is_ctl(from) || is_ctl(to)) return -EPERM;
  if (linkat(root_fd, rel(from), root_fd, rel(to), 0) != 0) return -errno;
  struct stat st;
  if (fstatat(root_fd, rel(to), &st, AT_SYMLINK_NOFOLLOW) != 0) return -errno;
  return nl_created(to, st.st_ino);
}

static int fs_unlink(const char *path) {
  if (is_ctl(path)) return -EPERM;
  return nl_unlink(path);
}

static int fs_rmdir(const char *path) {
  struct stat st;
  if (fstatat(root_fd, rel(path), &st, AT_SYMLINK_NOFOLLOW) != 0) return -errno;
  if (unlinkat(root_fd, rel(path), AT_REMOVEDIR) != 0) return -errno;
  return nl_rmdir(path, &st);
}

/** rename(2) over an existing file: the old target goes to the graveyard first, so a crash can bring it back. */
static int rename_over_file(const char *from, const char *to, const struct stat *sf) {
  int r = nl_unlink(to);
  if (r) return r;
  if (renameat(root_fd, rel(from), root_fd, rel(to)) != 0) {
    r = -errno;
    nl_unlink_rollback();
    return r;
  }
  return nl_renamed(from, to, sf->st_ino, NULL);
}

static int fs_rename(const char *from, const char *to, unsigned int flags) {
  if (is_ctl(from) || is_ctl(to)) return -EPERM;
  if (flags & ~RENAME_NOREPLACE) return -EINVAL; /* RENAME_EXCHANGE and WHITEOUT: not modelled */
  struct stat sf, st;
  if (fstatat(root_fd, rel(from), &sf, AT_SYMLINK_NOFOLLOW) != 0) return -errno;
  if (fstatat(root_fd, rel(to), &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if (flags & RENAME_NOREPLACE) return -EEXIST;
    if (sf.st_ino == st.st_ino && sf.st_dev == st.st_dev) return 0; /* two links of one file: no-op */
    if (S_ISDIR(st.st_mode) != S_ISDIR(sf.st_mode)) return S_ISDIR(st.st_mode) ? -EISDIR : -ENOTDIR;
    if (!S_ISDIR(st.st_mode)) return rename_over_file(from, to, &sf);
    if (renameat(root_fd, rel(from), root_fd, rel(to)) != 0) return -errno; /* ENOTEMPTY if not empty */
    return nl_renamed(from, to, sf.st_ino, &st);
  }
  if (renameat(root_fd, rel(from), root_fd, rel(to)) != 0) return -errno;
  return nl_renamed(from, to, sf.st_ino, NULL);
}

static int fs_chmod(const char *path, mode_t mode, struct fuse_file_info *fi) {
  if (is_ctl(path)) return -EPERM;
  int r = fi ? fchmod(H(fi)->fd, mode) : fchmodat(root_fd, rel(path), mode, 0);
  return r == 0 ? 0 : -errno;
}

static int fs_chown(const char *path, uid_t uid, gid_t gid, struct fuse_file_info *fi) {
  if (is_ctl(path)) return -EPERM;
  int r = fi ? fchown(H(fi)->fd, uid, gid) : fchownat(root_fd, rel(path), uid, gid, AT_SYMLINK_NOFOLLOW);
  return r == 0 ? 0 : -errno;
}

static int fs_utimens(const char *path, const struct timespec tv[2], struct fuse_file_info *fi) {
  if (is_ctl(path) || (fi && H(fi)->ctl)) return 0;
  int r = fi ? futimens(H(fi)->fd, tv) : utimensat(root_fd, rel(path), tv, AT_SYMLINK_NOFOLLOW);
  return r == 0 ? 0 : -errno;
}

/** ftruncate with the cut bytes saved first. */
static int tracked_truncate(int fd, off_t size) {
  int r = cu_before_truncate(fd, size);
  if (r) return r;
  return ftruncate(fd, size) == 0 ? 0 : -errno;
}

static int fs_truncate(const char *path, off_t size, struct fuse_file_info *fi) {
  if (is_ctl(path) || (fi && H(fi)->ctl)) return 0;
  if (fi) return tracked_truncate(H(fi)->fd, size);
  int fd = openat(root_fd, rel(path), O_RDWR | O_CLOEXEC);
  if (fd < 0) return -errno;
  int r = tracked_truncate(fd, size);
  close(fd);
  return r;
}

/** The backing descriptor for open flags: read-write (undo reads what it overwrites), no O_APPEND (the kernel passes offsets), no O_SYNC (modelled), no O_TRUNC (done tracked). */
static int backing_flags(int flags) {
  return (flags & ~(O_ACCMODE | O_APPEND | O_SYNC | O_DSYNC | O_TRUNC | O_DIRECT | O_CREAT | O_EXCL | O_NOCTTY)) |
         O_RDWR | O_CLOEXEC;
}

static int attach(struct fuse_file_info *fi, int fd, int flags) {
  struct handle *h = calloc(1, sizeof *h);
  if (!h) {
    close(fd);
    return -ENOMEM;
  }
  h->fd = fd;
  h->sync = (flags & (O_SYNC | O_DSYNC)) != 0;
  fi->fh = (uint64_t)(uintptr_t)h;
  fi->keep_cache = 0;
  if ((flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY) return tracked_truncate(fd, 0);
  return 0;
}

static int fs_open(const char *path, struct fuse_file_info *fi) {
  if (is_ctl(path)) {
    struct handle *h = calloc(1, sizeof *h);
    if (!h) return -ENOMEM;
    h->fd = -1;
    h->ctl = 1;
    fi->fh = (uint64_t)(uintptr_t)h;
    fi->direct_io = 1;
    return 0;
  }
  int fd = openat(root_fd, rel(path), backing_flags(fi->flags));
  if (fd < 0) return -errno;
  return attach(fi, fd, fi->flags);
}

static int fs_create(const char *path, mode_t mode, struct fuse_file_info *fi) {
  if (is_ctl(path)) return -EEXIST;
  struct stat st;
  int existed = fstatat(root_fd, rel(path), &st, AT_SYMLINK_NOFOLLOW) == 0;
  int fd = openat(root_fd, rel(path), backing_flags(fi->flags) | O_CREAT | (fi->flags & O_EXCL), mode);
  if (fd < 0) return -errno;
  if (!existed) {
    int r = created(path);
    if (r) {
      close(fd);
      return r;
    }
  }
  return attach(fi, fd, fi->flags);
}

/** The control file's text: what a lose would drop now, and what the last one dropped. */
static int ctl_read(char *buf, size_t size, off_t off) {
  struct content_stats c;
  char text[1024];
  cu_pending(&c);
  int n = snprintf(text, sizeof text,
                   "pending files=%ld pages=%ld appended_bytes=%lld name_ops=%ld\nlast_lose %s", c.files,
                   c.pages, c.cut, nl_pending(), last_lose);
  if (n < 0 || off >= n) return 0;
  size_t len = (size_t)(n - off) < size ? (size_t)(n - off) : size;
  memcpy(buf, text + off, len);
  return (int)len;
}

/** The crash: every tracked file back to its durable contents, then the names back to the durable prefix. */
static int lose(void) {
  struct content_stats c;
  long name_errors = 0;
  cu_revert_all(&c);
  long undone = nl_undo_all(&name_errors);
  snprintf(last_lose, sizeof last_lose, "files=%ld pages=%ld appended_bytes=%lld name_ops=%ld errors=%ld\n",
           c.files, c.pages, c.cut, undone, c.errors + name_errors);
  return c.errors + name_errors == 0 ? 0 : -EIO;
}

static int ctl_write(const char *buf, size_t size) {
  if (size >= 4 && strncmp(buf, "lose", 4) == 0) {
    int r = lose();
    return r ? r : (int)size;
  }
  return -EINVAL;
}

static int fs_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
  (void)path;
  if (H(fi)->ctl) return ctl_read(buf, size, off);
  ssize_t n = pread(H(fi)->fd, buf, size, off);
  return n < 0 ? -errno : (int)n;
}

static int fs_write(const char *path, const char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
  (void)path;
  struct handle *h = H(fi);
  if (h->ctl) return ctl_write(buf, size);
  int r = cu_before_write(h->fd, off, (off_t)size);
  if (r) return r;
  ssize_t n = pwrite(h->fd, buf, size, off);
  if (n < 0) return -errno;
  if (h->sync) commit_file(h->fd);
  return (int)n;
}

static int fs_statfs(const char *path, struct statvfs *st) {
  (void)path;
  return fstatvfs(root_fd, st) == 0 ? 0 : -errno;
}

static int fs_flush(const char *path, struct fuse_file_info *fi) {
  (void)path;
  (void)fi;
  return 0; /* close(2) makes nothing durable */
}

static int fs_release(const char *path, struct fuse_file_info *fi) {
  (void)path;
  struct handle *h = H(fi);
  if (h->fd >= 0) close(h->fd);
  free(h);
  return 0;
}

static int fs_fsync(const char *path, int datasync, struct fuse_file_info *fi) {
  (void)path;
  struct handle *h = H(fi);
  if (h->ctl) return 0;
  commit_file(h->fd);
  /* Passed on so the database waits for the disk as it would without the layer. */
  int r = datasync ? fdatasync(h->fd) : fsync(h->fd);
  return r == 0 ? 0 : -errno;
}

static int fs_opendir(const char *path, struct fuse_file_info *fi) {
  int fd = openat(root_fd, rel(path), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return -errno;
  struct handle *h = calloc(1, sizeof *h);
  if (!h) {
    close(fd);
    return -ENOMEM;
  }
  h->dir = fdopendir(fd);
  if (!h->dir) {
    int e = errno;
    close(fd);
    free(h);
    return -e;
  }
  h->fd = fd;
  fi->fh = (uint64_t)(uintptr_t)h;
  return 0;
}

static int fs_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off, struct fuse_file_info *fi,
                      enum fuse_readdir_flags flags) {
  (void)path;
  (void)off;
  (void)flags;
  struct handle *h = H(fi);
  rewinddir(h->dir);
  struct dirent *d;
  errno = 0;
  while ((d = readdir(h->dir)) != NULL) {
    struct stat st;
    memset(&st, 0, sizeof st);
    st.st_ino = d->d_ino;
    st.st_mode = (mode_t)DTTOIF(d->d_type);
    if (fill(buf, d->d_name, &st, 0, 0)) break;
  }
  return errno ? -errno : 0;
}

static int fs_releasedir(const char *path, struct fuse_file_info *fi) {
  (void)path;
  struct handle *h = H(fi);
  closedir(h->dir);
  free(h);
  return 0;
}

static int fs_fsyncdir(const char *path, int datasync, struct fuse_file_info *fi) {
  (void)path;
  nl_commit_all();
  int r = datasync ? fdatasync(H(fi)->fd) : fsync(H(fi)->fd);
  return r == 0 ? 0 : -errno;
}

static int fs_fallocate(const char *path, int mode, off_t off, off_t len, struct fuse_file_info *fi) {
  (void)path;
  struct handle *h = H(fi);
  if (h->ctl) return -EOPNOTSUPP;
  if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) return -EOPNOTSUPP;
  /* Plain allocation changes no byte but may grow the size; punching or zeroing changes bytes. */
  int r = (mode & (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) ? cu_before_write(h->fd, off, len) : cu_track(h->fd);
  if (r) return r;
  return fallocate(h->fd, mode, off, len) == 0 ? 0 : -errno;
}

static void *fs_init(struct fuse_conn_info *conn, struct fuse_config *cfg) {
  (void)conn;
  /* No kernel caching of names or attributes: a lose changes the tree behind the kernel's back. */
  cfg->entry_timeout = 0;
  cfg->attr_timeout = 0;
  cfg->negative_timeout = 0;
  cfg->hard_remove = 1; /* unlink goes to our graveyard, not to libfuse's .fuse_hidden files */
  cfg->nullpath_ok = 1;
  cfg->kernel_cache = 0;
  return NULL;
}

static const struct fuse_operations ops = {
    .init = fs_init,
    .getattr = fs_getattr,
    .readlink = fs_readlink,
    .mknod = fs_mknod,
    .mkdir = fs_mkdir,
    .symlink = fs_symlink,
    .unlink = fs_unlink,
    .rmdir = fs_rmdir,
    .rename = fs_rename,
    .link = fs_link,
    .chmod = fs_chmod,
    .chown = fs_chown,
    .truncate = fs_truncate,
    .utimens = fs_utimens,
    .open = fs_open,
    .create = fs_create,
    .read = fs_read,
    .write = fs_write,
    .statfs = fs_statfs,
    .flush = fs_flush,
    .release = fs_release,
    .fsync = fs_fsync,
    .opendir = fs_opendir,
    .readdir = fs_readdir,
    .releasedir = fs_releasedir,
    .fsyncdir = fs_fsyncdir,
    .fallocate = fs_fallocate,
};

/** Opens <state>/<name>, creating it (mode 0755 for the graveyard, the mountpoint's mode for data). */
static int open_dir(const char *state, const char *name, const struct stat *like) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", state, name);
  if (mkdir(path, 0700) == 0 && like) {
    if (chown(path, like->st_uid, like->st_gid) != 0 || chmod(path, like->st_mode & 07777) != 0) return -1;
  }
  return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

int main(int argc, char *argv[]) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s <state-dir> <mountpoint>\n", argv[0]);
    return 2;
  }
  struct stat mp;
  if (mkdir(argv[1], 0700) != 0 && errno != EEXIST) {
    perror(argv[1]);
    return 1;
  }
  if (stat(argv[2], &mp) != 0 || !S_ISDIR(mp.st_mode)) {
    fprintf(stderr, "%s: mountpoint %s is not a directory\n", argv[0], argv[2]);
    return 1;
  }
  umask(0);
  root_fd = open_dir(argv[1], "data", &mp);
  int grave_fd = open_dir(argv[1], "grave", NULL);
  if (root_fd < 0 || grave_fd < 0) {
    perror("faultline-fs: state directory");
    return 1;
  }
  nl_init(root_fd, grave_fd);
  char *fuse_argv[] = {argv[0], "-f", "-s", "-o", "allow_other,default_permissions,fsname=faultline-fs,subtype=faultline",
                       argv[2], NULL};
  return fuse_main(6, fuse_argv, &ops, NULL);
}
