/* The ordered log of namespace changes not yet durable, undone in reverse on a crash (see faultline-fs.c). */
#ifndef FAULTLINE_NAME_LOG_H
#define FAULTLINE_NAME_LOG_H
#include <sys/stat.h>
#include <sys/types.h>

/** Opens the log on the backing root and the graveyard (same file system). */
void nl_init(int root_fd, int grave_fd);
/** A new name `path` for inode `ino` (create, mknod, mkdir, symlink, link). */
int nl_created(const char *path, ino_t ino);
/** Moves `path` (not a directory) into the graveyard instead of unlinking it; logs the move. */
int nl_unlink(const char *path);
/** `path`, an empty directory with attributes `st`, was removed. */
int nl_rmdir(const char *path, const struct stat *st);
/** `from` was renamed to `to` (inode `ino`); `replaced_dir` is the empty directory it replaced, or NULL. */
int nl_renamed(const char *from, const char *to, ino_t ino, const struct stat *replaced_dir);
/** Undoes the move of an nl_unlink that is the last entry (a rename-over whose rename failed). */
void nl_unlink_rollback(void);
/** Durable now: every entry up to the last one that named inode `ino` (an fsync of that file). */
void nl_commit_through(ino_t ino);
/** Durable now: every entry (an fsync of a directory). */
void nl_commit_all(void);
/** Undoes every entry, newest first; returns how many were undone, and failures in *errors. */
long nl_undo_all(long *errors);
/** Entries not yet durable. */
long nl_pending(void);
#endif
