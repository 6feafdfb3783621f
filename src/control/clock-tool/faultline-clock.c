/*
 * faultline-clock: skews the clocks that one running process reads through its vDSO (x86_64 Linux).
 *
 *   faultline-clock set PID REALTIME_NS MONOTONIC_NS    patch the process (or change its offsets)
 *   faultline-clock strobe PID REALTIME_NS MONOTONIC_NS PERIOD_MS DURATION_MS
 *                                                       flip the offsets of a patched process between
 *                                                       the given ones and 0, ending at 0
 *   faultline-clock reset PID                           restore the original vDSO code
 *   faultline-clock probe PID                           make the process read its clocks, print skews
 *
 * How: the tool stops every thread of PID with ptrace (PTRACE_SEIZE + PTRACE_INTERRUPT), makes one
 * thread run mmap and mprotect, copies a small position-independent blob (offsets + replacement
 * clock_gettime, gettimeofday and time) into the new page, and overwrites the first 14 bytes of the
 * vDSO's __vdso_clock_gettime, __vdso_gettimeofday and __vdso_time with an absolute jump into it.
 * The replacements make the real system call and add the offset. The vDSO is shared by every thread
 * of the address space, so threads started later see the skew too. Output is key=value lines.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAGIC 0x6b636f6c63746c66ULL /* "fltclock" */
#define PAGE 4096
#define PATCH_LEN 14
#define MAX_THREADS 4096

/* The blob copied into the target: 4 quads of data, then code. Offsets are signed nanoseconds. */
__asm__(
    ".section .rodata.flblob,\"a\"\n"
    ".balign 16\n"
    ".globl fl_blob_start, fl_blob_end, fl_cg, fl_gtod, fl_time, fl_trap\n"
    "fl_blob_start:\n"
    "  .quad 0x6b636f6c63746c66\n" /* MAGIC */
    "fl_rt: .quad 0\n"               /* realtime offset, ns */
    "fl_mono: .quad 0\n"             /* monotonic offset, ns */
    "  .quad 0\n"
    /* int clock_gettime(clockid_t id, struct timespec *ts) */
    "fl_cg:\n"
    "  mov $228, %eax\n"
    "  syscall\n"
    "  test %rax, %rax\n"
    "  jnz 9f\n"
    "  cmp $31, %edi\n"
    "  ja 8f\n"
    "  mov $0x921, %ecx\n" /* REALTIME, REALTIME_COARSE, REALTIME_ALARM, TAI */
    "  bt %edi, %ecx\n"
    "  jc 2f\n"
    "  mov $0x2d2, %ecx\n" /* MONOTONIC, MONOTONIC_RAW, MONOTONIC_COARSE, BOOTTIME, BOOTTIME_ALARM */
    "  bt %edi, %ecx\n"
    "  jc 3f\n"
    "  jmp 8f\n"
    "2: mov fl_rt(%rip), %r8\n"
    "  jmp 4f\n"
    "3: mov fl_mono(%rip), %r8\n"
    "4: test %r8, %r8\n"
    "  jz 8f\n"
    "  mov (%rsi), %rax\n"
    "  imul $1000000000, %rax, %rax\n"
    "  add 8(%rsi), %rax\n"
    "  add %r8, %rax\n"
    "  mov $1000000000, %rcx\n"
    "  cqo\n"
    "  idiv %rcx\n"
    "  test %rdx, %rdx\n"
    "  jns 5f\n"
    "  add %rcx, %rdx\n"
    "  dec %rax\n"
    "5: mov %rax, (%rsi)\n"
    "  mov %rdx, 8(%rsi)\n"
    "8: xor %eax, %eax\n"
    "9: ret\n"
    /* int gettimeofday(struct timeval *tv, struct timezone *tz) */
    "fl_gtod:\n"
    "  mov $96, %eax\n"
    "  syscall\n"
    "  test %rax, %rax\n"
    "  jnz 9f\n"
    "  test %rdi, %rdi\n"
    "  jz 8f\n"
    "  mov fl_rt(%rip), %r8\n"
    "  test %r8, %r8\n"
    "  jz 8f\n"
    "  mov (%rdi), %rax\n"
    "  imul $1000000000, %rax, %rax\n"
    "  mov 8(%rdi), %rcx\n"
    "  imul $1000, %rcx, %rcx\n"
    "  add %rcx, %rax\n"
    "  add %r8, %rax\n"
    "  mov $1000000000, %rcx\n"
    "  cqo\n"
    "  idiv %rcx\n"
    "  test %rdx, %rdx\n"
    "  jns 5f\n"
    "  add %rcx, %rdx\n"
    "  dec %rax\n"
    "5: mov %rax, (%rdi)\n"
    "  mov %rdx, %rax\n"
    "  xor %edx, %edx\n"
    "  mov $1000, %ecx\n"
    "  div %rcx\n"
    "  mov %rax, 8(%rdi)\n"
    "8: xor %eax, %eax\n"
    "9: ret\n"
    /* time_t time(time_t *t) */
    "fl_time:\n"
    "  sub $24, %rsp\n"
    "  mov %rdi, 16(%rsp)\n"
    "  xor %edi, %edi\n"
    "  mov %rsp, %rsi\n"
    "  call fl_cg\n"
    "  mov (%rsp), %rax\n"
    "  mov 16(%rsp), %rdi\n"
    "  add $24, %rsp\n"
    "  test %rdi, %rdi\n"
    "  jz 1f\n"
    "  mov %rax, (%rdi)\n"
    "1: ret\n"
    /* return address of calls the tool makes in the process (probe) */
    "fl_trap:\n"
    "  int3\n"
    "fl_blob_end:\n"
    ".text\n");

extern const unsigned char fl_blob_start[], fl_blob_end[], fl_cg[], fl_gtod[], fl_time[], fl_trap[];

enum { CG, GTOD, TIME, NFUNCS };
static const char *const vdso_names[NFUNCS] = {"__vdso_clock_gettime", "__vdso_gettimeofday", "__vdso_time"};

static pid_t target;
static int memfd = -1;
static pid_t tids[MAX_THREADS];
static int ntids;
static int pending_signal; /* a signal that arrived while the tool ran code in the worker thread */

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "faultline-clock: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  exit(1);
}

static int64_t now_ns(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- memory of the target ---- */

static void mem_read(uint64_t addr, void *buf, size_t len) {
  if (pread(memfd, buf, len, (off_t)addr) != (ssize_t)len) die("cannot read %zu bytes at 0x%llx: %s", len, (unsigned long long)addr, strerror(errno));
}

static void mem_write(uint64_t addr, const void *buf, size_t len) {
  if (pwrite(memfd, buf, len, (off_t)addr) != (ssize_t)len) die("cannot write %zu bytes at 0x%llx: %s", len, (unsigned long long)addr, strerror(errno));
}

/* ---- the vDSO: symbol offsets from our own copy, the base address from the target's maps ---- */

static uint64_t own_vdso;
static uint64_t own_vdso_size;
static uint64_t func_off[NFUNCS];
static uint64_t func_size[NFUNCS];

static void find_vdso_symbols(void) {
  own_vdso = getauxval(AT_SYSINFO_EHDR);
  if (!own_vdso) die("this kernel gives processes no vDSO");
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)own_vdso;
  if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64) die("the vDSO is not a 64-bit ELF image");
  const Elf64_Phdr *ph = (const Elf64_Phdr *)(own_vdso + eh->e_phoff);
  uint64_t load = 0;
  for (int i = 0; i < eh->e_phnum; i++)
    if (ph[i].p_type == PT_LOAD) {
      load = ph[i].p_vaddr;
      own_vdso_size = ph[i].p_memsz;
      break;
    }
  const Elf64_Shdr *sh = (const Elf64_Shdr *)(own_vdso + eh->e_shoff);
  for (int i = 0; i < eh->e_shnum; i++) {
    if (sh[i].sh_type != SHT_DYNSYM) continue;
    const Elf64_Sym *syms = (const Elf64_Sym *)(own_vdso + sh[i].sh_offset);
    const char *strs = (const char *)(own_vdso + sh[sh[i].sh_link].sh_offset);
    size_t n = sh[i].sh_size / sizeof(Elf64_Sym);
    for (size_t s = 0; s < n; s++)
      for (int f = 0; f < NFUNCS; f++)
        if (strcmp(strs + syms[s].st_name, vdso_names[f]) == 0) {
          func_off[f] = syms[s].st_value - load;
          func_size[f] = syms[s].st_size;
        }
  }
  for (int f = 0; f < NFUNCS; f++) {
    if (!func_off[f]) die("the vDSO has no %s", vdso_names[f]);
    if (func_size[f] < PATCH_LEN) die("%s is %llu bytes, too short to patch", vdso_names[f], (unsigned long long)func_size[f]);
  }
}

/** The start of the target's [vdso] mapping, and (in *page) an existing blob page, if any. */
static uint64_t scan_maps(uint64_t *page) {
  char path[64], line[512];
  snprintf(path, sizeof path, "/proc/%d/maps", target);
  FILE *f = fopen(path, "r");
  if (!f) die("cannot read %s: %s", path, strerror(errno));
  uint64_t vdso = 0;
  *page = 0;
  while (fgets(line, sizeof line, f)) {
    unsigned long long lo, hi, off;
    char perms[8];
    unsigned long inode;
    int name = 0;
    if (sscanf(line, "%llx-%llx %7s %llx %*s %lu %n", &lo, &hi, perms, &off, &inode, &name) < 5) continue;
    if (strstr(line, "[vdso]")) vdso = lo;
    const char *rest = line + name;
    if (!*page && hi - lo == PAGE && strcmp(perms, "r-xp") == 0 && inode == 0 && (*rest == '\n' || *rest == 0)) {
      uint64_t magic = 0;
      if (pread(memfd, &magic, 8, (off_t)lo) == 8 && magic == MAGIC) *page = lo;
    }
  }
  fclose(f);
  if (!vdso) die("process %d has no [vdso] mapping", target);
  unsigned char head[sizeof(Elf64_Ehdr)];
  mem_read(vdso, head, sizeof head);
  if (memcmp(head, (const void *)own_vdso, EI_PAD) != 0 || memcmp(head + 16, (const void *)(own_vdso + 16), sizeof head - 16) != 0)
    die("the vDSO of %d differs from this tool's (not a 64-bit process?)", target);
  return vdso;
}

/* ---- stopping and resuming threads ---- */

static int wait_stop(pid_t tid, int *sig) {
  int status;
  for (;;) {
    pid_t r = waitpid(tid, &status, __WALL);
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (WIFEXITED(status) || WIFSIGNALED(status)) return -1;
    if (!WIFSTOPPED(status)) continue;
    *sig = WSTOPSIG(status);
    if (status >> 16 == PTRACE_EVENT_STOP) *sig = 0; /* our interrupt, or a group stop */
    return 0;
  }
}

static int attached(pid_t tid) {
  for (int i = 0; i < ntids; i++)
    if (tids[i] == tid) return 1;
  return 0;
}

/** Stops every thread of the target; repeats until a pass over /proc/PID/task finds no new thread. */
static void stop_all(void) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/task", target);
  for (int found = 1; found;) {
    found = 0;
    DIR *d = opendir(path);
    if (!d) die("process %d is gone", target);
    struct dirent *e;
    while ((e = readdir(d))) {
      pid_t tid = atoi(e->d_name);
      if (tid <= 0 || attached(tid)) continue;
      if (ntids == MAX_THREADS) die("more than %d threads", MAX_THREADS);
      if (ptrace(PTRACE_SEIZE, tid, 0, 0) != 0) {
        if (errno == ESRCH) continue; /* exited meanwhile */
        die("cannot attach to thread %d: %s (the node needs CAP_SYS_PTRACE)", tid, strerror(errno));
      }
      tids[ntids++] = tid;
      found = 1;
      int sig = 0;
      if (ptrace(PTRACE_INTERRUPT, tid, 0, 0) != 0 || wait_stop(tid, &sig) != 0) {
        tids[--ntids] = 0; /* it exited */
        continue;
      }
      if (sig) pending_signal = sig;
    }
    closedir(d);
  }
}

/** Stops only one thread (the leader if it can) to run code in; returns its tid. */
static pid_t stop_one(void) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/task", target);
  DIR *d = opendir(path);
  if (!d) die("process %d is gone", target);
  struct dirent *e;
  pid_t chosen = 0;
  while (!chosen && (e = readdir(d))) {
    pid_t tid = atoi(e->d_name);
    if (tid <= 0 || ptrace(PTRACE_SEIZE, tid, 0, 0) != 0) continue;
    int sig = 0;
    if (ptrace(PTRACE_INTERRUPT, tid, 0, 0) == 0 && wait_stop(tid, &sig) == 0) {
      chosen = tid;
      tids[ntids++] = tid;
      if (sig) pending_signal = sig;
    }
  }
  closedir(d);
  if (!chosen) die("cannot attach to any thread of %d (the node needs CAP_SYS_PTRACE)", target);
  return chosen;
}

static void resume_all(void) {
  for (int i = 0; i < ntids; i++) ptrace(PTRACE_DETACH, tids[i], 0, i == 0 ? pending_signal : 0);
  ntids = 0;
}

/** Single-steps any stopped thread whose next instruction lies in [lo, hi), so no thread is mid-patch. */
static void step_out_of(uint64_t lo, uint64_t hi) {
  for (int i = 0; i < ntids; i++) {
    for (int steps = 0; steps < 256; steps++) {
      struct user_regs_struct r;
      if (ptrace(PTRACE_GETREGS, tids[i], 0, &r) != 0) break;
      if (r.rip < lo || r.rip >= hi) break;
      int sig = 0;
      if (ptrace(PTRACE_SINGLESTEP, tids[i], 0, 0) != 0 || wait_stop(tids[i], &sig) != 0) break;
      if (sig && sig != SIGTRAP) pending_signal = sig;
    }
  }
}

/* ---- running code in a stopped thread ---- */

/** Runs from `rip` with `regs` in thread tid until it reaches an int3; returns rax. Restores nothing. */
static uint64_t run_until_trap(pid_t tid, struct user_regs_struct *regs) {
  regs->orig_rax = (uint64_t)-1; /* no system call restart on resume */
  if (ptrace(PTRACE_SETREGS, tid, 0, regs) != 0) die("cannot set registers: %s", strerror(errno));
  for (int rounds = 0; rounds < 64; rounds++) {
    int sig = 0;
    if (ptrace(PTRACE_CONT, tid, 0, 0) != 0 || wait_stop(tid, &sig) != 0) die("thread %d died while running injected code", tid);
    if (sig == SIGTRAP) {
      struct user_regs_struct out;
      ptrace(PTRACE_GETREGS, tid, 0, &out);
      return out.rax;
    }
    if (sig) pending_signal = sig; /* delivered when the thread is released */
  }
  die("injected code in thread %d did not finish", tid);
  return 0;
}

/** Makes thread tid perform a system call, through a `syscall; int3` written over e_ident padding of the vDSO. */
static int64_t inject_syscall(pid_t tid, uint64_t vdso, long nr, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6) {
  static const unsigned char stub[3] = {0x0f, 0x05, 0xcc};
  unsigned char saved[3];
  uint64_t at = vdso + EI_PAD;
  struct user_regs_struct saved_regs, r;
  if (ptrace(PTRACE_GETREGS, tid, 0, &saved_regs) != 0) die("cannot read registers: %s", strerror(errno));
  mem_read(at, saved, 3);
  mem_write(at, stub, 3);
  r = saved_regs;
  r.rip = at;
  r.rax = (uint64_t)nr;
  r.rdi = a1, r.rsi = a2, r.rdx = a3, r.r10 = a4, r.r8 = a5, r.r9 = a6;
  int64_t ret = (int64_t)run_until_trap(tid, &r);
  mem_write(at, saved, 3);
  ptrace(PTRACE_SETREGS, tid, 0, &saved_regs);
  return ret;
}

/** Where a call's 16-byte result buffer goes: nowhere, in rdi, or in rsi (rdi = a1). */
enum { BUF_NONE, BUF_RDI, BUF_RSI };

/** Calls fn in thread tid on its own stack, returning to an int3 at `trap`; the buffer lands in buf. */
static uint64_t inject_call(pid_t tid, uint64_t fn, uint64_t trap, uint64_t a1, int buf_in, unsigned char buf[16]) {
  struct user_regs_struct saved_regs, r;
  if (ptrace(PTRACE_GETREGS, tid, 0, &saved_regs) != 0) die("cannot read registers: %s", strerror(errno));
  r = saved_regs;
  uint64_t area = (saved_regs.rsp - 256) & ~(uint64_t)15; /* below the red zone */
  uint64_t bufaddr = area + 16;
  r.rsp = area - 8; /* as after a call: (rsp + 8) % 16 == 0 */
  mem_write(r.rsp, &trap, 8);
  memset(buf, 0, 16);
  mem_write(bufaddr, buf, 16);
  r.rip = fn;
  r.rdi = buf_in == BUF_RDI ? bufaddr : a1;
  r.rsi = buf_in == BUF_RSI ? bufaddr : 0;
  uint64_t ret = run_until_trap(tid, &r);
  mem_read(bufaddr, buf, 16);
  ptrace(PTRACE_SETREGS, tid, 0, &saved_regs);
  return ret;
}

/* ---- the commands ---- */

static int is_patched(uint64_t vdso, uint64_t *page) {
  unsigned char code[PATCH_LEN];
  mem_read(vdso + func_off[CG], code, PATCH_LEN);
  static const unsigned char jmp[6] = {0xff, 0x25, 0, 0, 0, 0};
  if (memcmp(code, jmp, 6) != 0) return 0;
  uint64_t dest;
  memcpy(&dest, code + 6, 8);
  *page = dest & ~(uint64_t)(PAGE - 1);
  uint64_t magic = 0;
  mem_read(*page, &magic, 8);
  if (magic != MAGIC) die("the vDSO of %d jumps somewhere unknown (patched by another tool?)", target);
  return 1;
}

static void write_offsets(uint64_t page, int64_t rt, int64_t mono) {
  mem_write(page + 8, &rt, 8);
  mem_write(page + 16, &mono, 8);
}

static void patch_range(uint64_t vdso, uint64_t *lo, uint64_t *hi) {
  *lo = UINT64_MAX, *hi = 0;
  for (int f = 0; f < NFUNCS; f++) {
    if (vdso + func_off[f] < *lo) *lo = vdso + func_off[f];
    if (vdso + func_off[f] + PATCH_LEN > *hi) *hi = vdso + func_off[f] + PATCH_LEN;
  }
}

static void cmd_set(int64_t rt, int64_t mono) {
  uint64_t page, vdso;
  vdso = scan_maps(&page);
  uint64_t patched_page;
  if (is_patched(vdso, &patched_page)) {
    write_offsets(patched_page, rt, mono);
    printf("patched=1\nfresh=0\npage=0x%llx\n", (unsigned long long)patched_page);
    return;
  }
  stop_all();
  if (ntids == 0) die("process %d has no threads left", target);
  if (!page) {
    int64_t p = inject_syscall(tids[0], vdso, 9 /* mmap */, 0, PAGE, 3 /* RW */, 0x22 /* PRIVATE|ANON */, (uint64_t)-1, 0);
    if (p < 0 && p > -4096) die("mmap in process %d failed: %s", target, strerror((int)-p));
    page = (uint64_t)p;
    size_t len = (size_t)(fl_blob_end - fl_blob_start);
    mem_write(page, fl_blob_start, len);
    int64_t m = inject_syscall(tids[0], vdso, 10 /* mprotect */, page, PAGE, 5 /* RX */, 0, 0, 0);
    if (m != 0) die("mprotect in process %d failed: %s", target, strerror((int)-m));
  }
  write_offsets(page, rt, mono);
  uint64_t lo, hi;
  patch_range(vdso, &lo, &hi);
  step_out_of(lo, hi);
  const unsigned char *entries[NFUNCS] = {fl_cg, fl_gtod, fl_time};
  for (int f = 0; f < NFUNCS; f++) {
    unsigned char code[PATCH_LEN] = {0xff, 0x25, 0, 0, 0, 0};
    uint64_t dest = page + (uint64_t)(entries[f] - fl_blob_start);
    memcpy(code + 6, &dest, 8);
    mem_write(vdso + func_off[f], code, PATCH_LEN);
  }
  resume_all();
  printf("patched=1\nfresh=1\npage=0x%llx\n", (unsigned long long)page);
}

static void cmd_reset(void) {
  uint64_t page, vdso = scan_maps(&page);
  if (!is_patched(vdso, &page)) {
    printf("patched=0\n");
    return;
  }
  write_offsets(page, 0, 0);
  stop_all();
  uint64_t lo, hi;
  patch_range(vdso, &lo, &hi);
  step_out_of(lo, hi);
  for (int f = 0; f < NFUNCS; f++) mem_write(vdso + func_off[f], (const void *)(own_vdso + func_off[f]), PATCH_LEN);
  resume_all();
  /* The page stays mapped: a thread may be inside it now; the next `set` reuses it. */
  printf("patched=0\nrestored=1\n");
}

static void cmd_strobe(int64_t rt, int64_t mono, long period_ms, long duration_ms) {
  uint64_t page, vdso = scan_maps(&page);
  if (!is_patched(vdso, &page)) die("process %d is not patched: run `set` first", target);
  struct timespec half = {period_ms / 1000, (period_ms % 1000) * 1000000};
  int64_t end = now_ns(CLOCK_MONOTONIC) + (int64_t)duration_ms * 1000000;
  while (now_ns(CLOCK_MONOTONIC) < end) {
    write_offsets(page, rt, mono);
    nanosleep(&half, NULL);
    write_offsets(page, 0, 0);
    nanosleep(&half, NULL);
  }
  printf("strobed=1\n");
}

static void cmd_probe(void) {
  uint64_t page, vdso = scan_maps(&page), patched_page = 0;
  int patched = is_patched(vdso, &patched_page);
  if (patched) page = patched_page;
  int64_t offs[2] = {0, 0};
  if (page) mem_read(page + 8, offs, 16);
  pid_t tid = stop_one();
  uint64_t trap;
  unsigned char saved_trap = 0;
  if (page) {
    trap = page + (uint64_t)(fl_trap - fl_blob_start);
  } else { /* no blob page: put an int3 on the vDSO's e_ident padding for the duration of the probe */
    static const unsigned char int3 = 0xcc;
    trap = vdso + EI_PAD + 4;
    mem_read(trap, &saved_trap, 1);
    mem_write(trap, &int3, 1);
  }
  unsigned char buf[16];
  int64_t sec, nsec;
  const clockid_t ids[2] = {CLOCK_REALTIME, CLOCK_MONOTONIC};
  const char *names[2] = {"realtime", "monotonic"};
  for (int c = 0; c < 2; c++) {
    int64_t before = now_ns(ids[c]);
    uint64_t ret = inject_call(tid, vdso + func_off[CG], trap, (uint64_t)ids[c], BUF_RSI, buf);
    int64_t after = now_ns(ids[c]);
    memcpy(&sec, buf, 8), memcpy(&nsec, buf + 8, 8);
    if (ret != 0) printf("%s_error=%lld\n", names[c], (long long)ret);
    else printf("%s_skew_ns=%lld\n", names[c], (long long)(sec * 1000000000 + nsec - (before + after) / 2));
  }
  int64_t before = now_ns(CLOCK_REALTIME);
  uint64_t ret = inject_call(tid, vdso + func_off[GTOD], trap, 0, BUF_RDI, buf);
  int64_t after = now_ns(CLOCK_REALTIME);
  memcpy(&sec, buf, 8), memcpy(&nsec, buf + 8, 8);
  if (ret == 0) printf("gettimeofday_skew_ns=%lld\n", (long long)(sec * 1000000000 + nsec * 1000 - (before + after) / 2));
  before = now_ns(CLOCK_REALTIME);
  ret = inject_call(tid, vdso + func_off[TIME], trap, 0, BUF_NONE, buf);
  after = now_ns(CLOCK_REALTIME);
  printf("time_skew_s=%lld\n", (long long)((int64_t)ret - (before + after) / 2 / 1000000000));
  if (!page) mem_write(trap, &saved_trap, 1);
  resume_all();
  printf("patched=%d\noffset_realtime_ns=%lld\noffset_monotonic_ns=%lld\n", patched, (long long)offs[0], (long long)offs[1]);
}

static int64_t num(const char *s, const char *what) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || *end || end == s) {
    fprintf(stderr, "faultline-clock: %s must be an integer, got \"%s\"\n", what, s);
    exit(2);
  }
  return v;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: faultline-clock set|strobe|reset|probe PID [REALTIME_NS MONOTONIC_NS [PERIOD_MS DURATION_MS]]\n");
    return 2;
  }
  target = (pid_t)num(argv[2], "PID");
  /* Never leave the target stopped or half patched: the tool is not interrupted by these. */
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGHUP);
  sigaddset(&block, SIGPIPE);
  if (strcmp(argv[1], "strobe") != 0) sigaddset(&block, SIGTERM);
  sigprocmask(SIG_BLOCK, &block, NULL);
  setvbuf(stdout, NULL, _IOLBF, 0);
  find_vdso_symbols();
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/mem", target);
  memfd = open(path, O_RDWR);
  if (memfd < 0) die("cannot open %s: %s (the node needs CAP_SYS_PTRACE)", path, strerror(errno));
  const char *cmd = argv[1];
  if (strcmp(cmd, "set") == 0 && argc == 5) cmd_set(num(argv[3], "REALTIME_NS"), num(argv[4], "MONOTONIC_NS"));
  else if (strcmp(cmd, "strobe") == 0 && argc == 7)
    cmd_strobe(num(argv[3], "REALTIME_NS"), num(argv[4], "MONOTONIC_NS"), (long)num(argv[5], "PERIOD_MS"), (long)num(argv[6], "DURATION_MS"));
  else if (strcmp(cmd, "reset") == 0 && argc == 3) cmd_reset();
  else if (strcmp(cmd, "probe") == 0 && argc == 3) cmd_probe();
  else {
    fprintf(stderr, "faultline-clock: bad arguments for \"%s\"\n", cmd);
    return 2;
  }
  return 0;
}
