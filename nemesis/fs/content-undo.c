/*
 * Undo records of file contents. The backing file always holds the live contents. The first time a
 * page of an inode is about to change after the inode's last fsync, its durable bytes are read and
 * kept in memory; the inode's size at that moment is its durable size. A revert writes the saved
 * pages back and truncates to the durable size; an fsync drops the record.
 */
#define _GNU_SOURCE
#include "content-undo.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE 4096
#define BUCKETS 256

struct saved_page {
  uint64_t index; /* page number + 1; 0 marks an empty slot */
  char *bytes;
  size_t len;
};

struct file_undo {
  dev_t dev;
  ino_t ino;
  int fd; /* our own descriptor: the inode stays reachable after the database closed or unlinked it */
  off_t durable_size;
  struct saved_page *slots;
  size_t cap, used;
  struct file_undo *next;
};

static struct file_undo *buckets[BUCKETS];

static struct file_undo **bucket_of(ino_t ino) { return &buckets[(uint64_t)ino % BUCKETS]; }

static struct file_undo *find(const struct stat *st) {
  for (struct file_undo *u = *bucket_of(st->st_ino); u; u = u->next)
    if (u->ino == st->st_ino && u->dev == st->st_dev) return u;
  return NULL;
}

/** The record of fd's inode, created (with the current size as durable size) when missing. */
static int record_of(int fd, struct file_undo **out, off_t *size_now) {
  struct stat st;
  if (fstat(fd, &st) != 0) return -errno;
  if (size_now) *size_now = st.st_size;
  struct file_undo *u = find(&st);
  if (!u) {
    u = calloc(1, sizeof *u);
    if (!u) return -ENOMEM;
    u->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (u->fd < 0) {
      int e = errno;
      free(u);
      return -e;
    }
    u->dev = st.st_dev;
    u->ino = st.st_ino;
    u->durable_size = st.st_size;
    u->next = *bucket_of(st.st_ino);
    *bucket_of(st.st_ino) = u;
  }
  *out = u;
  return 0;
}

static struct saved_page *slot_for(struct file_undo *u, uint64_t page) {
  size_t mask = u->cap - 1, i = (size_t)(page * 0x9E3779B97F4A7C15ULL) & mask;
  while (u->slots[i].index != 0 && u->slots[i].index != page + 1) i = (i + 1) & mask;
  return &u->slots[i];
}

static int grow(struct file_undo *u) {
  size_t old_cap = u->cap;
  struct saved_page *old = u->slots;
  u->cap = old_cap ? old_cap * 2 : 64;
  u->slots = calloc(u->cap, sizeof *u->slots);
  if (!u->slots) {
    u->slots = old;
    u->cap = old_cap;
    return -ENOMEM;
  }
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].index) *slot_for(u, old[i].index - 1) = old[i];
  free(old);
  return 0;
}

/** Saves page `page` of u unless saved already (only pages below the durable size matter). */
static int save_page(struct file_undo *u, uint64_t page) {
  if ((off_t)(page * PAGE) >= u->durable_size) return 0;
  if (u->used * 2 >= u->cap) {
    int r = grow(u);
    if (r) return r;
  }
  struct saved_page *s = slot_for(u, page);
  if (s->index) return 0;
  char *bytes = malloc(PAGE);
  if (!bytes) return -ENOMEM;
  ssize_t n = pread(u->fd, bytes, PAGE, (off_t)(page * PAGE));
  if (n < 0) {
    int e = errno;
    free(bytes);
    return -e;
  }
  s->index = page + 1;
  s->bytes = bytes;
  s->len = (size_t)n;
  u->used++;
  return 0;
}

static int save_range(struct file_undo *u, off_t from, off_t to) {
  if (to > u->durable_size) to = u->durable_size;
  if (from < 0) from = 0;
  if (to <= from) return 0;
  for (uint64_t p = (uint64_t)from / PAGE; (off_t)(p * PAGE) < to; p++) {
    int r = save_page(u, p);
    if (r) return r;
  }
  return 0;
}

int cu_track(int fd) {
  struct file_undo *u;
  return record_of(fd, &u, NULL);
}

int cu_before_write(int fd, off_t off, off_t len) {
  struct file_undo *u;
  int r = record_of(fd, &u, NULL);
  return r ? r : save_range(u, off, off + len);
}

int cu_before_truncate(int fd, off_t size) {
  struct file_undo *u;
  off_t now;
  int r = record_of(fd, &u, &now);
  return r ? r : save_range(u, size, now);
}

static void drop(struct file_undo *u) {
  for (size_t i = 0; i < u->cap; i++) free(u->slots[i].bytes);
  free(u->slots);
  close(u->fd);
  free(u);
}

static void unlink_record(struct file_undo *target) {
  for (struct file_undo **p = bucket_of(target->ino); *p; p = &(*p)->next) {
    if (*p == target) {
      *p = target->next;
      return;
    }
  }
}

void cu_commit(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) return;
  struct file_undo *u = find(&st);
  if (!u) return;
  unlink_record(u);
  drop(u);
}

static off_t size_of(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 ? st.st_size : 0;
}

/** Writes u's durable bytes back and restores its durable size; returns the number of failures. */
static long revert(struct file_undo *u) {
  long errors = 0;
  if (ftruncate(u->fd, u->durable_size) != 0) errors++;
  for (size_t i = 0; i < u->cap; i++) {
    struct saved_page *s = &u->slots[i];
    if (!s->index) continue;
    off_t at = (off_t)((s->index - 1) * PAGE);
    size_t len = s->len;
    if (at + (off_t)len > u->durable_size) len = (size_t)(u->durable_size - at);
    if (len > 0 && pwrite(u->fd, s->bytes, len, at) != (ssize_t)len) errors++;
  }
  if (ftruncate(u->fd, u->durable_size) != 0) errors++;
  return errors;
}

static void count(struct file_undo *u, struct content_stats *out) {
  off_t now = size_of(u->fd);
  out->files++;
  out->pages += (long)u->used;
  if (now > u->durable_size) out->cut += now - u->durable_size;
}

void cu_revert_all(struct content_stats *out) {
  memset(out, 0, sizeof *out);
  for (int b = 0; b < BUCKETS; b++) {
    while (buckets[b]) {
      struct file_undo *u = buckets[b];
      buckets[b] = u->next;
      count(u, out);
      out->errors += revert(u);
      drop(u);
    }
  }
}

void cu_pending(struct content_stats *out) {
  memset(out, 0, sizeof *out);
  for (int b = 0; b < BUCKETS; b++)
    for (struct file_undo *u = buckets[b]; u; u = u->next) count(u, out);
}
