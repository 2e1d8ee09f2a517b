package dev.uffdgc.agent.toolkit;

import dev.uffdgc.kernel.Memory;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link PageMapper} counts; updated by every thread that maps pages. The pages counters and the run-length
 * histograms are counted separately (each successful ioctl adds to both), so that a test can check they agree:
 * {@code pagesMoved == moveRuns.pages()}, {@code pagesCopied == copyRuns.pages() + directPages}.
 */
public class MapCounters {
    public final LongAdder pagesMoved = new LongAdder();
    public final LongAdder pagesCopied = new LongAdder();
    /** Every MOVE and COPY ioctl issued, including those answered with an error. */
    public final LongAdder ioctls = new LongAdder();
    /**
     * Every UFFDIO_MOVE issued (mapped or not): the TLB-flushing calls. MOVE clears source PTEs, so each one ends in
     * a flush that must reach every CPU running a thread of the process (an IPI, ~23 µs in this VM); COPY fills
     * empty PTEs only and flushes nothing.
     */
    public final LongAdder moveIoctls = new LongAdder();
    /** ioctls answered with -errno (EAGAIN with nothing done, EEXIST, EBUSY, ENOMEM). */
    public final LongAdder failedIoctls = new LongAdder();
    /** ioctls that mapped part of what they were asked (a short count, e.g. EAGAIN after some pages). */
    public final LongAdder partialIoctls = new LongAdder();
    /** Time in {@link PageMapper#map}, retries and the checks between them included. */
    public final LongAdder ioctlNanos = new LongAdder();
    public final LongAdder eexist = new LongAdder();
    public final LongAdder eagain = new LongAdder();
    public final LongAdder ebusy = new LongAdder();
    public final LongAdder enomem = new LongAdder();
    /** Pages a MOVE could not map that were mapped with UFFDIO_COPY instead. */
    public final LongAdder fallbackCopies = new LongAdder();
    /** Pages copied with plain memory copies after the heap was unregistered (the emergency path): no ioctl. */
    public final LongAdder directPages = new LongAdder();
    /** The MOVE and COPY ioctls that mapped pages, by pages per ioctl. */
    public final RunLengths moveRuns = new RunLengths();
    public final RunLengths copyRuns = new RunLengths();

    /** {@code pages} copied directly, without an ioctl (see {@link PageMapper#copyUnregistered}). */
    public void copiedDirect(long pages) {
        directPages.add(pages);
        pagesCopied.add(pages);
    }

    /**
     * Pages moved as whole PMDs (2 MiB, the kernel's move_pages_huge_pmd: one PMD entry, no split), as found by
     * {@link HugePmds} after each MOVE of 2 MiB or more; also counted in {@link #pagesMoved} and {@link #moveRuns}.
     */
    public final LongAdder pmdPages = new LongAdder();

    /** Bytes moved as whole PMDs ({@link #pmdPages}). */
    public long pmdBytes() {
        return pmdPages.sum() * Memory.PAGE_SIZE;
    }

    /** Bytes moved by MOVE ioctls of more than one page, other than whole PMDs. */
    public long pteRunBytes() {
        return (moveRuns.pages() - moveRuns.pages(0)) * Memory.PAGE_SIZE - pmdBytes();
    }

    /** Bytes moved one page per MOVE ioctl. */
    public long singlePageBytes() {
        return moveRuns.pages(0) * Memory.PAGE_SIZE;
    }

    /** Bytes mapped by COPY (fallbacks of a failed MOVE included) or copied directly. */
    public long copiedBytes() {
        return pagesCopied.sum() * Memory.PAGE_SIZE;
    }
}
