package dev.uffdgc.agent.compact;

import dev.uffdgc.agent.toolkit.MapCounters;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one compaction cycle, updated by every thread that builds or maps pages (the mapping counters come
 * from the toolkit's {@link MapCounters}).
 */
public final class CycleStats extends MapCounters {
    /** Pages built in their own from-space page (recycled, no new page): the dense prefix and more. */
    public final LongAdder pagesInPlace = new LongAdder();
    /** Pages built in a spare page (a fresh kernel page per MOVE) because their from-space page was still read. */
    public final LongAdder pagesSpare = new LongAdder();
    /** Large arrays' pages moved straight from the from-space, never built nor read (MOVE only; issue 11). */
    public final LongAdder pagesSlid = new LongAdder();
    /** Of those, source pages that were holes (never written): given a zero page first, since MOVE needs one. */
    public final LongAdder slidHoles = new LongAdder();
    /** From-space pages wholly inside dead large arrays dropped (MADV_DONTNEED) before reuse: never swapped in. */
    public final LongAdder deadPagesDropped = new LongAdder();
    /**
     * Where the pages mapped alone (one page per ioctl) under MOVE came from (issue 11: single-page MOVEs cost ~4x a
     * COPY per page, each one a TLB-flush IPI): indexed by {@link #LONE_RUN_OF_ONE} ... {@link #LONE_HELPER}. A worker
     * run's lone page is one whose neighbours in the run are of another kind (built in place, in a spare page, slid)
     * or across a mapping start; a run of one is a run the worker could claim no further (its next page was taken,
     * or the top page it builds first). Counted per mapping request, so with no failed or partial ioctl they sum to
     * the 1-page MOVE ioctls (plus the 1-page COPYs: {@code copyrun} >= 1, the default, COPYs those pages instead).
     */
    public final LongAdder[] lonePages = adders(LONE_NAMES.length);
    public static final int LONE_RUN_OF_ONE = 0;
    public static final int LONE_SPARE = 1;
    public static final int LONE_IN_PLACE = 2;
    public static final int LONE_SLID = 3;
    public static final int LONE_MUTATOR = 4;
    public static final int LONE_FAULT = 5;
    public static final int LONE_HELPER = 6;
    /** The log's names of {@link #lonePages}' origins. */
    public static final String[] LONE_NAMES = {"run-of-1", "spare", "in-place", "slid", "mutator", "fault",
        "helper"};

    public long lonePages() {
        long n = 0;
        for (LongAdder a : lonePages) {
            n += a.sum();
        }
        return n;
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /** userfaultfd faults served by the fault handler thread. */
    public final LongAdder faults = new LongAdder();
    /** Mutator accesses that found their page not ready (page-state check): built by the mutator or waited for. */
    public final LongAdder mutatorStalls = new LongAdder();
    public final LongAdder mutatorStallNanos = new LongAdder();
    public final LongAdder pagesBuiltByMutator = new LongAdder();
    /** Pages built by a thread that needed one of them now (mutator stall, fault, helper): COPYed, never MOVEd. */
    public final LongAdder pagesBuiltAtStall = new LongAdder();
    public final LongAdder buildNanos = new LongAdder();
    public final LongAdder pageAllocNanos = new LongAdder();
    public final LongAdder faultNanos = new LongAdder();
    /**
     * Thread CPU time of every thread that built and mapped pages of this cycle (workers, the fault handler,
     * mutators at their page-state check), summed over the calls that did it; with {@link #planCpuNanos},
     * {@link #flipCpuNanos} and {@link #finishCpuNanos} the cycle's compaction work, mark excluded
     * ({@link #compactionCpuNanos}): bench gc sets it per MB live beside the stop-the-world collector's.
     */
    public final LongAdder buildMapCpuNanos = new LongAdder();

    /** The Init Mark pause (request to resume) and its time to safepoint. */
    public long initMarkPauseNanos;
    public long initMarkTtspNanos;
    /** The concurrent mark on the marker thread, from the Init Mark resume until it found nothing left. */
    public long concurrentMarkNanos;
    /** Its thread CPU time (bench pause compares it per MiB live with the stop-the-world mark's `cpu mark`). */
    public long concurrentMarkCpuNanos;
    /** Mutators that needed memory waiting for the concurrent mark (summed), and for the previous cycle's pages. */
    public long markStallNanos;
    public long pacingStallNanos;
    /** Overwritten references the SATB barrier reported, and bytes allocated during the mark (black). */
    public long satbEntries;
    public long allocatedDuringMark;
    /** The Final Mark pause (request to resume) and its time to safepoint. */
    public long finalMarkPauseNanos;
    public long finalMarkTtspNanos;
    /** Bytes allocated during the concurrent plan: marked and appended to the plan inside the flip pause. */
    public long allocatedDuringPlan;
    /** In the flip pause: marking what was allocated during the plan and extending the plan over it. */
    public long tailNanos;
    /** The Final Mark pause's own work: the SATB drain (and the mark verifier when verifying). */
    public long markNanos;
    /** Whole 2 MiB regions without a live byte released before the flip (its mremap skips them: DeadRegions). */
    public long deadRegionBytes;
    /** The concurrent plan on the marker thread (black allocation marked, forwarding, page tables). */
    public long planNanos;
    /** Thread CPU time of the marker thread's plan (black allocation, forwarding, page tables, flip preparation). */
    public long planCpuNanos;
    /** Thread CPU time of the flip pause's body (plan tail, mremap, register, roots, guard), on the pausing thread. */
    public long flipCpuNanos;
    /** Thread CPU time of the finish (unregister, guard off, from-space unmapped). */
    public long finishCpuNanos;
    public long flipNanos;
    /**
     * Each pause's body by part ({@link PauseParts#INIT_MARK}, ... in that order), then the body's CPU time; see
     * {@link PauseParts#format}.
     */
    public final long[] initMarkParts = new long[PauseParts.slots(PauseParts.INIT_MARK)];
    public final long[] finalMarkParts = new long[PauseParts.slots(PauseParts.FINAL_MARK)];
    public final long[] relocateStartParts = new long[PauseParts.slots(PauseParts.RELOCATE_START)];
    /** The flip pause (Relocate Start), whole: from the safepoint request to the moment mutators run again. */
    public long pauseNanos;
    /** The part of {@link #pauseNanos} spent waiting for the guest threads to stop. */
    public long timeToSafepointNanos;
    public long concurrentNanos;
    public long finishNanos;
    public long madviseNanos;
    public long usedBefore;
    public long usedAfter;
    public long liveBytes;
    public long liveObjects;
    public int destPages;
    public long densePrefixBytes;
    public boolean emergency;
    /**
     * TLB shootdowns the machine received from the marker's flip preparation (after the plan, dead regions
     * released) to the end of the finish (from-space unmapped): {@code TlbShootdowns}, machine-wide (another
     * process's flushes count too);
     * {@code TlbShootdowns.UNKNOWN} (-1) where the kernel does not count them. {@link #tlbAtStart} is the first reading.
     */
    public long tlbShootdowns = -1;
    public long tlbAtStart = -1;
    public String cause = "";

    /**
     * The cycle's compaction CPU time, mark excluded: plan, flip pause body, building and mapping pages, finish.
     * Not in it: Init Mark, the concurrent mark and Final Mark (the mark), waits (a stalled mutator's wait for a
     * page another thread builds), and the pauses' time to safepoint (nobody works then).
     */
    public long compactionCpuNanos() {
        return planCpuNanos + flipCpuNanos + buildMapCpuNanos.sum() + finishCpuNanos;
    }

    /** The current thread's CPU time in ns (clock_gettime(CLOCK_THREAD_CPUTIME_ID): ~0.3-1 µs a call). */
    public static long threadCpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
}
