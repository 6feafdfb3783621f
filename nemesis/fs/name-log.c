/*
 * The namespace journal. Every change of names is applied to the backing tree at once and appended
 * here with what it takes to undo it. A commit makes a prefix durable, as a journaling file system's
 * transaction commit does, so a crash always leaves the names of some prefix of the operations: never a
 * rename seen half, never a name without the operations before it. Unlinked files wait in the
 * graveyard until their unlink is durable, because a crash must bring them back.
 */
#define _GNU_SOURCE
#include "name-log.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum kind { CREATED, UNLINKED, RMDIRED, RENAMED };

struct entry {
  enum kind kind;
  char *path;       /* the name created, unlinked, removed, or renamed to */
  char *from;       /* RENAMED: the old name */
  char grave[24];   /* UNLINKED: name in the graveyard */
  ino_t ino;        /* the inode this entry names */
  int has_dir;      /* RMDIRED, or RENAMED over an empty directory: recreate it */
  mode_t mode;
  uid_t uid;
  gid_t gid;
};

static struct entry *log_;
static size_t len_, cap_;
static int root_ = -1, grave_ = -1;
static unsigned long grave_seq_;

static const char *rel(const char *path) { return path[1] ? path + 1 : "."; }

void nl_init(int root_fd, int grave_fd) {
  root_ = root_fd;
  grave_ = grave_fd;
}

static struct entry *append(enum kind kind, const char *path, ino_t ino) {
  if (len_ == cap_) {
    size_t cap = cap_ ? cap_ * 2 : 64;
    struct entry *grown = realloc(log_, cap * sizeof *grown);
    if (!grown) return NULL;
    log_ = grown;
    cap_ = cap;
  }
  struct entry *e = &log_[len_];
  memset(e, 0, sizeof *e);
  e->path = strdup(path);
  if (!e->path) return NULL;
  e->kind = kind;
  e->ino = ino;
  len_++;
  return e;
}

static void keep_dir(struct entry *e, const struct stat *st) {
  e->has_dir = 1;
  e->mode = st->st_mode & 07777;
  e->uid = st->st_uid;
  e->gid = st->st_gid;
}

int nl_created(const char *path, ino_t ino) { return append(CREATED, path, ino) ? 0 : -ENOMEM; }

int nl_unlink(const char *path) {
  struct stat st;
  if (fstatat(root_, rel(path), &st, AT_SYMLINK_NOFOLLOW) != 0) return -errno;
  if (S_ISDIR(st.st_mode)) return -EISDIR;
  struct entry *e = append(UNLINKED, path, st.st_ino);
  if (!e) return -ENOMEM;
  snprintf(e->grave, sizeof e->grave, "%lu", ++grave_seq_);
  if (renameat(root_, rel(path), grave_, e->grave) != 0) {
    int err = errno;
    free(e->path);
    len_--;
    return -err;
  }
  return 0;
}

void nl_unlink_rollback(void) {
  if (len_ == 0 || log_[len_ - 1].kind != UNLINKED) return;
  struct entry *e = &log_[--len_];
  renameat(grave_, e->grave, root_, rel(e->path));
  free(e->path);
}

int nl_rmdir(const char *path, const struct stat *st) {
  struct entry *e = append(RMDIRED, path, st->st_ino);
  if (!e) return -ENOMEM;
  keep_dir(e, st);
  return 0;
}

int nl_renamed(const char *from, const char *to, ino_t ino, const struct stat *replaced_dir) {
  struct entry *e = append(RENAMED, to, ino);
  if (!e) return -ENOMEM;
  e->from = strdup(from);
  if (!e->from) return -ENOMEM;
  if (replaced_dir) keep_dir(e, replaced_dir);
  return 0;
}

static void release(struct entry *e, int durable) {
  if (durable && e->kind == UNLINKED) unlinkat(grave_, e->grave, 0);
  free(e->path);
  free(e->from);
}

/** Makes entries [0, n) durable: their graveyard files are really gone now. */
static void commit_prefix(size_t n) {
  for (size_t i = 0; i < n; i++) release(&log_[i], 1);
  memmove(log_, log_ + n, (len_ - n) * sizeof *log_);
  len_ -= n;
}

void nl_commit_through(ino_t ino) {
  for (size_t i = len_; i > 0; i--) {
    if (log_[i - 1].ino == ino && log_[i - 1].kind != UNLINKED && log_[i - 1].kind != RMDIRED) {
      commit_prefix(i);
      return;
    }
  }
}

void nl_commit_all(void) { commit_prefix(len_); }

static int recreate_dir(const struct entry *e) {
  if (mkdirat(root_, rel(e->path), e->mode) != 0) return -errno;
  if (fchownat(root_, rel(e->path), e->uid, e->gid, AT_SYMLINK_NOFOLLOW) != 0) return -errno;
  return fchmodat(root_, rel(e->path), e->mode, 0) != 0 ? -errno : 0;
}

static int undo(const struct entry *e) {
  struct stat st;
  switch (e->kind) {
    case CREATED:
      if (fstatat(root_, rel(e->path), &st, AT_SYMLINK_NOFOLLOW) != 0) return -errno;
      return unlinkat(root_, rel(e->path), S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0) != 0 ? -errno : 0;
    case UNLINKED:
      return renameat(grave_, e->grave, root_, rel(e->path)) != 0 ? -errno : 0;
    case RMDIRED:
      return recreate_dir(e);
    case RENAMED:
      if (renameat(root_, rel(e->path), root_, rel(e->from)) != 0) return -errno;
      return e->has_dir ? recreate_dir(e) : 0;
  }
  return -EINVAL;
}

long nl_undo_all(long *errors) {
  long undone = 0;
  *errors = 0;
  for (size_t i = len_; i > 0; i--) {
    if (undo(&log_[i - 1]) != 0) (*errors)++;
    else undone++;
    release(&log_[i - 1], 0);
  }
  len_ = 0;
  return undone;
}

long nl_pending(void) { return (long)len_; }
