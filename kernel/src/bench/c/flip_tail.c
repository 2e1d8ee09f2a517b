/*
 * The tail of the flip's mremap, without Java: how often does one mremap(MREMAP_MAYMOVE|MREMAP_FIXED|
 * MREMAP_DONTUNMAP) of a 1 GiB-aligned PUD holding TOUCH_MIB of touched pages (what the agent's flip does, see
 * Flip.java) take far longer than usual? bench pause sees about one flip in ten to thirty at 64-512 MiB live whose
 * mremap step takes 1-5 ms on the thread's CPU clock, where the others take 0.15-0.5 ms.
 *
 *   gcc -O2 -pthread -o flip_tail kernel/src/bench/c/flip_tail.c
 *   ./flip_tail TOUCH_MIB SIBLING REPS      SIBLING: none | sleep (wakes every 1 ms on the other CPU) | spin
 *
 * Prints the count above 0.5 ms, p50, p99 and max in ms. Not part of bench kernel, whose rows are medians.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define PUD (1UL << 30)

static volatile int stop;
static int sibling; /* 0 none, 1 sleep, 2 spin */

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void pin(int cpu) {
    cpu_set_t s;
    CPU_ZERO(&s);
    CPU_SET(cpu, &s);
    pthread_setaffinity_np(pthread_self(), sizeof s, &s);
}

static void *sibling_main(void *arg) {
    (void)arg;
    pin(1);
    while (!stop)
        if (sibling == 1) usleep(1000);
    return NULL;
}

/* A PUD-aligned reservation of one PUD (PROT_NONE), as Flip.reserveCongruent makes for the from-space. */
static char *reserve_pud(int prot) {
    char *raw = mmap(NULL, 2 * PUD, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED) { perror("mmap"); exit(1); }
    char *at = (char *)(((unsigned long)raw + PUD - 1) & ~(PUD - 1));
    if (at > raw) munmap(raw, at - raw);
    munmap(at + PUD, raw + PUD - at);
    return at;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: flip_tail TOUCH_MIB none|sleep|spin REPS\n");
        return 2;
    }
    long touch = atol(argv[1]);
    int reps = atoi(argv[3]);
    sibling = !strcmp(argv[2], "sleep") ? 1 : !strcmp(argv[2], "spin") ? 2 : 0;
    if (touch < 1 || touch > 1024 || reps < 1 || (sibling == 0 && strcmp(argv[2], "none"))) {
        fprintf(stderr, "flip_tail: TOUCH_MIB in [1, 1024], SIBLING none|sleep|spin, REPS >= 1\n");
        return 2;
    }
    pin(0);
    pthread_t t;
    if (sibling) pthread_create(&t, NULL, sibling_main, NULL);
    char *heap = reserve_pud(PROT_READ | PROT_WRITE);
    madvise(heap, PUD, MADV_HUGEPAGE);
    double *ms = malloc(reps * sizeof *ms);
    int slow = 0;
    for (int i = 0; i < reps; i++) {
        memset(heap, 1, touch << 20);
        char *from = reserve_pud(PROT_NONE);
        usleep(2000);
        double t0 = now_ms();
        if (mremap(heap, PUD, PUD, MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, from) == MAP_FAILED) {
            perror("mremap");
            return 1;
        }
        ms[i] = now_ms() - t0;
        slow += ms[i] > 0.5;
        munmap(from, PUD);
    }
    stop = 1;
    qsort(ms, reps, sizeof *ms, cmp);
    printf("touch %ld MiB, sibling %s: %d of %d above 0.5 ms; p50 %.3f p99 %.3f max %.3f ms\n", touch, argv[2], slow,
           reps, ms[reps / 2], ms[(int)(reps * 0.99)], ms[reps - 1]);
    return 0;
}
