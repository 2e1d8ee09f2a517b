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
    /** userfaultfd faults served by the fault handler thread. */
    public final LongAdder faults = new LongAdder();
    /** Mutator accesses that found their page not ready (page-state check): built by the mutator or waited for. */
    public final LongAdder mutatorStalls = new LongAdder();
    public final LongAdder mutatorStallNanos = new LongAdder();
    public final LongAdder pagesBuiltByMutator = new LongAdder();
    public final LongAdder buildNanos = new LongAdder();
    public final LongAdder pageAllocNanos = new LongAdder();
    public final LongAdder faultNanos = new LongAdder();

    /** The Init Mark pause (request to resume) and its time to safepoint. */
    public long initMarkPauseNanos;
    public long initMarkTtspNanos;
    /** The concurrent mark on the marker thread, from the Init Mark resume until it found nothing left. */
    public long concurrentMarkNanos;
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
    /** The concurrent plan on the marker thread (black allocation marked, forwarding, page tables). */
    public long planNanos;
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
     * TLB shootdowns the machine received from just before the flip pause's safepoint request to the end of the
     * finish (from-space unmapped): {@code TlbShootdowns}, machine-wide (another process's flushes count too);
     * {@code TlbShootdowns.UNKNOWN} (-1) where the kernel does not count them. {@link #tlbAtStart} is the first reading.
     */
    public long tlbShootdowns = -1;
    public long tlbAtStart = -1;
    public String cause = "";
}
