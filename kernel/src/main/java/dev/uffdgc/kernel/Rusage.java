package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Resource.RUSAGE_SELF;
import static dev.uffdgc.kernel.uapi.Resource.RUSAGE_THREAD;

import dev.uffdgc.kernel.uapi.Resource;
import dev.uffdgc.kernel.uapi.Resource.rusage;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * getrusage(2) for the process or the calling thread: CPU time and page faults. Major faults are the ones that
 * needed I/O (swap-in, file read); minor faults were served from memory (first touch, swap cache, COW).
 *
 * @param userNanos      ru_utime
 * @param systemNanos    ru_stime
 * @param maxRssBytes    ru_maxrss (peak RSS; the kernel reports KiB; for RUSAGE_THREAD it is the process's)
 * @param minorFaults    ru_minflt
 * @param majorFaults    ru_majflt
 * @param inBlocks       ru_inblock (512-byte blocks read by the filesystem layer)
 * @param outBlocks      ru_oublock
 * @param voluntarySwitches   ru_nvcsw (blocked, e.g. waiting for I/O or a userfault)
 * @param involuntarySwitches ru_nivcsw (preempted)
 */
public record Rusage(long userNanos, long systemNanos, long maxRssBytes, long minorFaults, long majorFaults,
                     long inBlocks, long outBlocks, long voluntarySwitches, long involuntarySwitches) {

    private static final ThreadLocal<MemorySegment> BUFFER =
            ThreadLocal.withInitial(() -> Arena.global().allocate(rusage.LAYOUT));

    /** The whole process (all threads, live and exited). */
    public static Rusage self() {
        return of(RUSAGE_SELF);
    }

    /** The calling thread only: what a benchmark thread itself paid, unaffected by JIT and GC threads. */
    public static Rusage thread() {
        return of(RUSAGE_THREAD);
    }

    /** {@code getrusage(who)} with one of the {@code RUSAGE_*} values of {@link Resource}. */
    public static Rusage of(int who) {
        MemorySegment st = Libc.state();
        MemorySegment ru = BUFFER.get();
        int r;
        try {
            r = (int) Libc.Getrusage.HANDLE.invokeExact(st, who, ru);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r != 0) {
            throw new KernelException("getrusage(who=" + who + ")", Libc.errno(st), "who is not a valid RUSAGE_* value");
        }
        return new Rusage(
                rusage.ru_utime_tv_sec(ru) * 1_000_000_000L + rusage.ru_utime_tv_usec(ru) * 1000,
                rusage.ru_stime_tv_sec(ru) * 1_000_000_000L + rusage.ru_stime_tv_usec(ru) * 1000,
                rusage.ru_maxrss(ru) * 1024, rusage.ru_minflt(ru), rusage.ru_majflt(ru),
                rusage.ru_inblock(ru), rusage.ru_oublock(ru), rusage.ru_nvcsw(ru), rusage.ru_nivcsw(ru));
    }

    public Duration userTime() {
        return Duration.ofNanos(userNanos);
    }

    public Duration systemTime() {
        return Duration.ofNanos(systemNanos);
    }

    /** This snapshot minus {@code earlier}; maxRssBytes stays this snapshot's (a peak has no meaningful delta). */
    public Rusage minus(Rusage earlier) {
        return new Rusage(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos, maxRssBytes,
                minorFaults - earlier.minorFaults, majorFaults - earlier.majorFaults, inBlocks - earlier.inBlocks,
                outBlocks - earlier.outBlocks, voluntarySwitches - earlier.voluntarySwitches,
                involuntarySwitches - earlier.involuntarySwitches);
    }
}
