/*
 * faultline-fs-ops: runs file-system operations read from stdin, one per line, with the exact system
 * calls the durability model talks about, and stops at the first failure (exit 1, naming the line).
 * The correctness test of faultline-fs drives it. Operations (paths relative to the working directory):
 *   creat P | write P OFF LEN BYTE | append P LEN BYTE | dsync-write P OFF LEN BYTE | truncate P LEN
 *   fsync P | fdatasync P | sync-range P | mkdir P | rmdir P | unlink P | rename A B | link A B | fsyncdir P
 * BYTE is a decimal byte value; written data is LEN copies of it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_at(const char *path, int flags, long off, long len, int byte) {
  int fd = open(path, O_WRONLY | flags);
  if (fd < 0) return -1;
  char *buf = malloc((size_t)len + 1);
  if (!buf) return -1;
  memset(buf, byte, (size_t)len);
  ssize_t n = (flags & O_APPEND) ? write(fd, buf, (size_t)len) : pwrite(fd, buf, (size_t)len, off);
  free(buf);
  int r = (n == len) ? 0 : -1;
  return close(fd) == 0 ? r : -1;
}

static int sync_path(const char *path, int data, int dir) {
  int fd = open(path, dir ? O_RDONLY | O_DIRECTORY : O_RDWR);
  if (fd < 0) return -1;
  int r = data ? fdatasync(fd) : fsync(fd);
  return close(fd) == 0 ? r : -1;
}

static int sync_range(const char *path) {
  int fd = open(path, O_RDWR);
  if (fd < 0) return -1;
  int r = sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
  return close(fd) == 0 ? r : -1;
}

static int run(char *op, char *a, char *b, long x, long y, int byte) {
  if (!strcmp(op, "creat")) {
    int fd = open(a, O_WRONLY | O_CREAT | O_EXCL, 0644);
    return fd < 0 ? -1 : close(fd);
  }
  if (!strcmp(op, "write")) return write_at(a, 0, x, y, byte);
  if (!strcmp(op, "append")) return write_at(a, O_APPEND, 0, x, (int)y);
  if (!strcmp(op, "dsync-write")) return write_at(a, O_DSYNC, x, y, byte);
  if (!strcmp(op, "truncate")) return truncate(a, x);
  if (!strcmp(op, "fsync")) return sync_path(a, 0, 0);
  if (!strcmp(op, "fdatasync")) return sync_path(a, 1, 0);
  if (!strcmp(op, "sync-range")) return sync_range(a);
  if (!strcmp(op, "mkdir")) return mkdir(a, 0755);
  if (!strcmp(op, "rmdir")) return rmdir(a);
  if (!strcmp(op, "unlink")) return unlink(a);
  if (!strcmp(op, "rename")) return rename(a, b);
  if (!strcmp(op, "link")) return link(a, b);
  if (!strcmp(op, "fsyncdir")) return sync_path(a, 0, 1);
  errno = EINVAL;
  return -1;
}

int main(void) {
  char line[4096];
  long number = 0;
  while (fgets(line, sizeof line, stdin)) {
    number++;
    char op[32] = "", a[1024] = "", b[1024] = "";
    long x = 0, y = 0;
    int byte = 0;
    int fields = sscanf(line, "%31s %1023s %1023s", op, a, b);
    if (fields < 1) continue;
    /* numeric operands follow the path for write-like ops; the second path for rename and link */
    if (!strcmp(op, "write") || !strcmp(op, "dsync-write")) sscanf(line, "%*s %*s %ld %ld %d", &x, &y, &byte);
    else if (!strcmp(op, "append")) sscanf(line, "%*s %*s %ld %ld", &x, &y);
    else if (!strcmp(op, "truncate")) sscanf(line, "%*s %*s %ld", &x);
    if (run(op, a, b, x, y, byte) != 0) {
      fprintf(stderr, "line %ld: %s", number, line);
      perror("faultline-fs-ops");
      return 1;
    }
  }
  return 0;
}
