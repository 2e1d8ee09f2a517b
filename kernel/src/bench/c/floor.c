/*
 * floor.c: the C reference ("floor") for `./uffd-gc bench kernel`.
 *
 * For each row it makes the same kernel calls as the Java rows in dev.uffdgc.kernel.bench, with the same sizes,
 * page counts and order, so the Java/C ratio isolates what Java and FFM add on top of the kernel. KernelBench
 * compiles this file with `gcc -O2 -pthread` on the spot and parses the `row` lines it prints.
 *
 * Usage: floor [--pages N] [--faults N] [--rounds N] [--warmup N] [--serve] [--rows a,b,...] [--flip-pages N]
 * --rows runs only the rows named (batch mode); the rows of `bench gc` (build_move_16, build_copy_16,
 * flip_register) run only when named there, so `bench kernel` is unchanged.
 * Output, one line per row (value = median over the measured rounds):
 *   row <name> <value> <unit>
 * With --serve, after the warm-up rounds it reads row names from stdin, one a line, runs each once and answers
 *   sample <name> <value> <unit>
 * so the Java side can interleave its rounds with ours row by row (this machine's noise drifts over seconds).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sched.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

/* Debian 12's linux-libc-dev predates UFFDIO_MOVE (Linux 6.8): the numbers come from the uapi header. */
#ifndef UFFD_FEATURE_MOVE
#define UFFD_FEATURE_MOVE (1ULL << 16)
#endif
#ifndef _UFFDIO_MOVE
#define _UFFDIO_MOVE (0x05)
struct uffdio_move {
    uint64_t dst;
    uint64_t src;
    uint64_t len;
#define UFFDIO_MOVE_MODE_DONTWAKE ((uint64_t)1 << 0)
#define UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES ((uint64_t)1 << 1)
    uint64_t mode;
    int64_t move;
};
#define UFFDIO_MOVE _IOWR(UFFDIO, _UFFDIO_MOVE, struct uffdio_move)
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

#define PAGE 4096L
#define HUGE (2L << 20)
#define MAX_ROUNDS 1000

static void die(const char *call) {
    fprintf(stderr, "floor: %s failed: %s (errno %d)\n", call, strerror(errno), errno);
    exit(1);
}

static long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

/* Page-aligned private anonymous mapping, like Memory.mmapAnonymous(size). */
static char *map(long bytes) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) die("mmap");
    return p;
}

/* 2 MiB aligned, like Memory.mmapAnonymous(size, HUGE_PAGE_SIZE): over-map and trim both ends. */
static char *map_aligned(long bytes) {
    char *raw = map(bytes + HUGE);
    char *start = (char *)(((uintptr_t)raw + HUGE - 1) & ~(uintptr_t)(HUGE - 1));
    if (start > raw && munmap(raw, start - raw)) die("munmap");
    long tail = (raw + bytes + HUGE) - (start + bytes);
    if (tail > 0 && munmap(start + bytes, tail)) die("munmap");
    return start;
}

static void unmap(void *p, long bytes) {
    if (munmap(p, bytes)) die("munmap");
}

/* Touch one byte per page so every page is present and exclusive (what MOVE needs). */
static void prefault(char *p, long pages) {
    for (long i = 0; i < pages; i++) p[i * PAGE] = 1;
}

static int uffd;

static int open_uffd(void) {
    int fd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
    if (fd < 0 && errno == EPERM) fd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
    if (fd < 0) die("userfaultfd");
    struct uffdio_api api = {.api = UFFD_API, .features = UFFD_FEATURE_MOVE};
    if (ioctl(fd, UFFDIO_API, &api)) die("ioctl(UFFDIO_API, UFFD_FEATURE_MOVE)");
    return fd;
}

static void reg(char *p, long bytes) {
    struct uffdio_register r = {.range = {(uintptr_t)p, bytes}, .mode = UFFDIO_REGISTER_MODE_MISSING};
    if (ioctl(uffd, UFFDIO_REGISTER, &r)) die("ioctl(UFFDIO_REGISTER)");
}

static void unreg(char *p, long bytes) {
    struct uffdio_range r = {(uintptr_t)p, bytes};
    if (ioctl(uffd, UFFDIO_UNREGISTER, &r)) die("ioctl(UFFDIO_UNREGISTER)");
}

/* One ioctl; on a partial move (EAGAIN) the Java side retries the rest, and so do we. */
static void move_fully(uint64_t dst, uint64_t src, uint64_t len) {
    while (len > 0) {
        struct uffdio_move m = {.dst = dst, .src = src, .len = len, .mode = 0};
        if (ioctl(uffd, UFFDIO_MOVE, &m) && errno != EAGAIN) die("ioctl(UFFDIO_MOVE)");
        uint64_t done = m.move > 0 ? (uint64_t)m.move : 0;
        dst += done, src += done, len -= done;
    }
}

static void copy_fully(uint64_t dst, uint64_t src, uint64_t len) {
    while (len > 0) {
        struct uffdio_copy c = {.dst = dst, .src = src, .len = len, .mode = 0};
        if (ioctl(uffd, UFFDIO_COPY, &c) && errno != EAGAIN) die("ioctl(UFFDIO_COPY)");
        uint64_t done = c.copy > 0 ? (uint64_t)c.copy : 0;
        dst += done, src += done, len -= done;
    }
}

/*
 * The fault rows pin both threads: on this VM a round trip costs ~7 us when they share a CPU and ~50 us when the
 * wakeup must reach the other, idle vCPU; unpinned, the row flips between the two from run to run.
 */
static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set)) die("sched_setaffinity");
}

/* MOVE or COPY `pages` pages, `batch` pages per ioctl; returns ns per page. Only the ioctl loop is timed. */
static double uffd_row(long pages, long batch, int move) {
    long bytes = pages * PAGE;
    char *src = map(bytes), *dst = map(bytes);
    prefault(src, pages);
    reg(dst, bytes);
    long t0 = now_ns();
    for (long i = 0; i < pages; i += batch) {
        long off = i * PAGE, len = (pages - i < batch ? pages - i : batch) * PAGE;
        if (move) move_fully((uintptr_t)dst + off, (uintptr_t)src + off, len);
        else copy_fully((uintptr_t)dst + off, (uintptr_t)src + off, len);
    }
    long t1 = now_ns();
    unreg(dst, bytes);
    unmap(src, bytes);
    unmap(dst, bytes);
    return (double)(t1 - t0) / pages;
}

/*
 * The busy sibling: a second thread of this process spinning on the other CPU while a row runs. MOVE clears source
 * PTEs, so each MOVE ioctl ends in a TLB flush that must reach every CPU currently running a thread of the process
 * (an IPI, expensive in a VM); COPY only fills empty PTEs. With the sibling, the ioctls pay what they pay in the
 * agent, whose mutators run during compaction. The row's thread is pinned to CPU 0, the sibling to CPU 1.
 */
static volatile int sibling_stop;

static void *spin(void *arg) {
    (void)arg;
    pin(1);
    while (!sibling_stop) __asm__ volatile("pause");
    return NULL;
}

static double uffd_row_busy(long pages, long batch, int move) {
    cpu_set_t old;
    if (sched_getaffinity(0, sizeof old, &old)) die("sched_getaffinity");
    pin(0);
    pthread_t t;
    sibling_stop = 0;
    if (pthread_create(&t, NULL, spin, NULL)) die("pthread_create");
    usleep(1000); /* let it reach CPU 1 */
    double v = uffd_row(pages, batch, move);
    sibling_stop = 1;
    pthread_join(t, NULL);
    if (sched_setaffinity(0, sizeof old, &old)) die("sched_setaffinity(restore)");
    return v;
}

/* memcpy one page at a time into pages never touched before: each copy takes an anonymous page fault. */
static double memcpy_row(long pages) {
    long bytes = pages * PAGE;
    char *src = map(bytes), *dst = map(bytes);
    prefault(src, pages);
    long t0 = now_ns();
    for (long i = 0; i < pages; i++) memcpy(dst + i * PAGE, src + i * PAGE, PAGE);
    long t1 = now_ns();
    __asm__ volatile("" : : "r"(dst) : "memory"); /* keep the copies */
    unmap(src, bytes);
    unmap(dst, bytes);
    return (double)(t1 - t0) / pages;
}

struct handler_args {
    long faults;
    char *src; /* one page the handler copies into each faulting page */
    int cpu;
};

/* The handler thread: poll()+read() one event, resolve it with UFFDIO_COPY, `faults` times. */
static void *handler(void *arg) {
    struct handler_args *a = arg;
    pin(a->cpu);
    for (long n = 0; n < a->faults;) {
        struct pollfd pfd = {.fd = uffd, .events = POLLIN};
        if (poll(&pfd, 1, 10000) <= 0) die("poll(uffd) (no fault arrived within 10 s)");
        struct uffd_msg msg;
        ssize_t r = read(uffd, &msg, sizeof msg);
        if (r < 0 && errno == EAGAIN) continue;
        if (r != sizeof msg) die("read(uffd)");
        if (msg.event != UFFD_EVENT_PAGEFAULT) continue;
        uint64_t page = msg.arg.pagefault.address & ~(uint64_t)(PAGE - 1);
        copy_fully(page, (uintptr_t)a->src, PAGE);
        n++;
    }
    return NULL;
}

/* One userfault round trip per page: this thread reads a missing page, the handler resolves it. */
static double fault_row(long faults, int toucher_cpu, int handler_cpu) {
    long bytes = faults * PAGE;
    char *area = map(bytes), *src = map(PAGE);
    prefault(src, 1);
    reg(area, bytes);
    struct handler_args a = {faults, src, handler_cpu};
    cpu_set_t saved;
    if (sched_getaffinity(0, sizeof saved, &saved)) die("sched_getaffinity");
    pin(toucher_cpu);
    pthread_t t;
    if (pthread_create(&t, NULL, handler, &a)) die("pthread_create");
    char sink[8];
    long t0 = now_ns();
    for (long i = 0; i < faults; i++) memcpy(sink, area + i * PAGE, sizeof sink);
    long t1 = now_ns();
    __asm__ volatile("" : : "r"(sink) : "memory");
    if (pthread_join(t, NULL)) die("pthread_join");
    if (sched_setaffinity(0, sizeof saved, &saved)) die("sched_setaffinity(restore)");
    unreg(area, bytes);
    unmap(area, bytes);
    unmap(src, PAGE);
    return (double)(t1 - t0) / faults;
}

/* mremap(MAYMOVE|DONTUNMAP) of a populated 2 MiB aligned region, scaled to ns per GiB. */
static double mremap_row(long pages) {
    long bytes = pages * PAGE;
    char *heap = map_aligned(bytes);
    prefault(heap, pages);
    long t0 = now_ns();
    void *from = mremap(heap, bytes, bytes, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
    long t1 = now_ns();
    if (from == MAP_FAILED) die("mremap(MREMAP_MAYMOVE|MREMAP_DONTUNMAP)");
    unmap(from, bytes);
    unmap(heap, bytes);
    return (double)(t1 - t0) * (1L << 30) / bytes;
}

/* UFFDIO_WAKE of one page nobody waits on: the fixed cost of an ioctl, for comparing per-call overhead. */
static double wake_row(long calls) {
    char *page = map(PAGE);
    struct uffdio_range r = {(uintptr_t)page, PAGE};
    long t0 = now_ns();
    for (long i = 0; i < calls; i++)
        if (ioctl(uffd, UFFDIO_WAKE, &r)) die("ioctl(UFFDIO_WAKE)");
    long t1 = now_ns();
    unmap(page, PAGE);
    return (double)(t1 - t0) / calls;
}

/*
 * The floor of the compactor's concurrent phase, build and map (bench gc): per destination page, copy one page of
 * live data (a compacted page is full, so every byte of it is copied from somewhere) and map the pages 16 per
 * ioctl. MOVE builds in place, as the agent does when no other destination page still reads the from-space page:
 * memmove within the source page (live data sliding down), then MOVE it in. COPY builds in a reused 16-page
 * buffer, then UFFDIO_COPY. Timed: the copies and the ioctls, as the agent's build + ioctl + page-alloc times.
 * Not in the floor: finding objects and forwarding their reference slots (toyvm's object model).
 */
static double build_row(long pages, int move) {
    long bytes = pages * PAGE, batch = 16;
    char *src = map(bytes), *dst = map(bytes), *buf = map(batch * PAGE);
    for (long i = 0; i < bytes; i += 8) *(long *)(src + i) = i;
    prefault(buf, batch);
    reg(dst, bytes);
    long t0 = now_ns();
    for (long i = 0; i < pages; i += batch) {
        long n = pages - i < batch ? pages - i : batch, off = i * PAGE;
        for (long j = 0; j < n; j++) {
            char *page = src + off + j * PAGE;
            if (move) memmove(page, page + 64, PAGE - 64), memcpy(page + PAGE - 64, page, 64);
            else memcpy(buf + j * PAGE, page, PAGE);
        }
        if (move) move_fully((uintptr_t)dst + off, (uintptr_t)src + off, n * PAGE);
        else copy_fully((uintptr_t)dst + off, (uintptr_t)buf, n * PAGE);
    }
    long t1 = now_ns();
    unreg(dst, bytes);
    unmap(src, bytes);
    unmap(dst, bytes);
    unmap(buf, batch * PAGE);
    return (double)(t1 - t0) / pages;
}

/*
 * The floor of the flip (bench gc): what the agent's Flip does to the kernel for `pages` populated heap pages —
 * mremap(MAYMOVE|DONTUNMAP) of them to a from-space, then UFFDIO_REGISTER MISSING of the same range — in ns per
 * flip. The caller passes the size the agent's flips actually moved (not the whole -Xmx).
 */
static double flip_row(long pages) {
    long bytes = pages * PAGE;
    char *heap = map_aligned(bytes);
    prefault(heap, pages);
    long t0 = now_ns();
    void *from = mremap(heap, bytes, bytes, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
    if (from == MAP_FAILED) die("mremap(MREMAP_MAYMOVE|MREMAP_DONTUNMAP)");
    reg(heap, bytes);
    long t1 = now_ns();
    unreg(heap, bytes);
    unmap(from, bytes);
    unmap(heap, bytes);
    return (double)(t1 - t0);
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/*
 * Rows in the order the Java side runs them. The uffd rows: MOVE and COPY at 1, 16, 64 and 512 pages per ioctl,
 * then with the busy sibling (the "_busy" rows) at the run lengths that show the per-ioctl flush. The last three
 * are bench gc's floors (only with --rows).
 */
#define ROWS 21
#define CROSS_CPU_ROW 15
#define FIRST_GC_ROW 18
static const char *NAMES[ROWS] = {"move_1", "move_16", "move_64", "move_512", "copy_1", "copy_16", "copy_64",
                                  "copy_512", "move_1_busy", "move_16_busy", "move_64_busy", "move_512_busy",
                                  "copy_16_busy", "memcpy_fresh", "fault_same_cpu", "fault_cross_cpu",
                                  "mremap_dontunmap", "wake_noop", "build_move_16", "build_copy_16", "flip_register"};
static const char *UNITS[ROWS] = {"ns/page", "ns/page", "ns/page", "ns/page", "ns/page", "ns/page", "ns/page",
                                  "ns/page", "ns/page", "ns/page", "ns/page", "ns/page", "ns/page", "ns/page",
                                  "ns/fault", "ns/fault", "ns/GiB", "ns/call", "ns/page", "ns/page", "ns/flip"};
static const long BATCH[13] = {1, 16, 64, 512, 1, 16, 64, 512, 1, 16, 64, 512, 16};
static int selected[ROWS]; /* --rows; none selected: every row but bench gc's */
static int any_selected;
static long flip_pages = 4096;

/* The cross-CPU fault row and the busy-sibling rows need a second CPU; the Java side drops them too. */
static int row_runs(int row) {
    if (any_selected) return selected[row];
    return row < FIRST_GC_ROW && ((row != CROSS_CPU_ROW && (row < 8 || row > 12)) || get_nprocs() >= 2);
}

static double run_row(int row, long pages, long faults) {
    if (row < 8) return uffd_row(pages, BATCH[row], row < 4);
    if (row < 13) return uffd_row_busy(pages, BATCH[row], row < 12);
    switch (row) {
    case 13: return memcpy_row(pages);
    case 14: return fault_row(faults, 0, 0);
    case 15: return fault_row(faults, 0, 1);
    case 16: return mremap_row(pages);
    case 17: return wake_row(pages);
    case 18: return build_row(pages, 1);
    case 19: return build_row(pages, 0);
    default: return flip_row(flip_pages);
    }
}

static int row_index(const char *name) {
    for (int row = 0; row < ROWS; row++)
        if (!strcmp(NAMES[row], name)) return row;
    return -1;
}

/* Runs the rows named on stdin, one at a time, until EOF. */
static int serve(long pages, long faults) {
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = 0;
        int row = row_index(line);
        if (row < 0) {
            fprintf(stderr, "floor: unknown row '%s'\n", line);
            return 2;
        }
        printf("sample %s %.1f %s\n", NAMES[row], run_row(row, pages, faults), UNITS[row]);
        fflush(stdout);
    }
    return 0;
}

static long arg(int argc, char **argv, int *i, long min, long max) {
    if (*i + 1 >= argc) {
        fprintf(stderr, "floor: %s needs a value\n", argv[*i]);
        exit(2);
    }
    char *end;
    long v = strtol(argv[++*i], &end, 10);
    if (*end || v < min || v > max) {
        fprintf(stderr, "floor: %s wants an integer in [%ld, %ld], got '%s'\n", argv[*i - 1], min, max, argv[*i]);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv) {
    long pages = 16384, faults = 1024, rounds = 5, warmup = 1;
    int serving = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--serve")) serving = 1;
        else
        if (!strcmp(argv[i], "--pages")) pages = arg(argc, argv, &i, 16, 1L << 20);
        else if (!strcmp(argv[i], "--faults")) faults = arg(argc, argv, &i, 1, 1L << 20);
        else if (!strcmp(argv[i], "--rounds")) rounds = arg(argc, argv, &i, 1, MAX_ROUNDS);
        else if (!strcmp(argv[i], "--warmup")) warmup = arg(argc, argv, &i, 0, MAX_ROUNDS);
        else if (!strcmp(argv[i], "--flip-pages")) flip_pages = arg(argc, argv, &i, 1, 1L << 24);
        else if (!strcmp(argv[i], "--rows") && i + 1 < argc) {
            char *list = argv[++i];
            for (char *name = strtok(list, ","); name; name = strtok(NULL, ",")) {
                int row = row_index(name);
                if (row < 0) {
                    fprintf(stderr, "floor: unknown row '%s'\n", name);
                    return 2;
                }
                selected[row] = any_selected = 1;
            }
        }
        else {
            fprintf(stderr, "floor: unknown argument '%s'\n", argv[i]);
            return 2;
        }
    }
    uffd = open_uffd();
    static double v[ROWS][MAX_ROUNDS];
    if (serving) {
        for (long r = 0; r < warmup; r++)
            for (int row = 0; row < ROWS; row++)
                if (row_runs(row)) run_row(row, pages, faults);
        return serve(pages, faults);
    }
    for (long r = -warmup; r < rounds; r++)
        for (int row = 0; row < ROWS; row++) {
            if (!row_runs(row)) continue;
            double x = run_row(row, pages, faults);
            if (r >= 0) v[row][r] = x;
        }
    for (int row = 0; row < ROWS; row++)
        if (row_runs(row)) printf("row %s %.1f %s\n", NAMES[row], median(v[row], rounds), UNITS[row]);
    return 0;
}
