/* Per-inode undo of file contents written since the inode's last fsync (see faultline-fs.c). */
#ifndef FAULTLINE_CONTENT_UNDO_H
#define FAULTLINE_CONTENT_UNDO_H
#include <sys/types.h>

/** Counters of the unsynced contents, or of what a revert dropped. */
struct content_stats {
  long files;      /* inodes with unsynced changes */
  long pages;      /* 4 KiB pages whose durable bytes are saved (overwritten or cut since the fsync) */
  long long cut;   /* bytes above the durable size (appended since the fsync) */
  long errors;     /* failed reverts */
};

/** Starts tracking fd's inode (records its durable size) without saving any page. 0 or -errno. */
int cu_track(int fd);
/** Saves the durable bytes of every page in [off, off+len) that is not saved yet. 0 or -errno. */
int cu_before_write(int fd, off_t off, off_t len);
/** Saves the durable bytes that a truncation of fd to `size` would cut. 0 or -errno. */
int cu_before_truncate(int fd, off_t size);
/** fsync/fdatasync of fd's inode: everything written to it is now durable. */
void cu_commit(int fd);
/** Puts every tracked inode back to its durable contents and size, then forgets them. */
void cu_revert_all(struct content_stats *out);
/** What a revert would drop now. */
void cu_pending(struct content_stats *out);
#endif
