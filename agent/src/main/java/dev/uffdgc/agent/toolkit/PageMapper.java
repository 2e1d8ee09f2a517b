package dev.uffdgc.agent.toolkit;

import dev.uffdgc.kernel.Errno;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.proc.Pagemap;
import java.lang.foreign.MemorySegment;

/**
 * Maps pages into a registered range with MOVE (or COPY) — the one retry and fallback policy of every collector
 * (the concurrent compactor's built pages, page-slide's whole array pages) — and handles what the kernel can answer:
 * <ul>
 * <li>EAGAIN with a partial count: continue with the rest; with nothing done: retry;</li>
 * <li>EEXIST: if the destination page is present someone else mapped it (skip it); if not, retry;</li>
 * <li>EBUSY (MOVE: the source page is not exclusive, e.g. after fork or KSM): COPY that page instead;</li>
 * <li>ENOMEM: retry with a short sleep, then COPY; anything that still fails is a {@link CompactionFailure}.</li>
 * </ul>
 */
public final class PageMapper {
    private static final long PAGE = Memory.PAGE_SIZE;
    private static final long PMD = Memory.HUGE_PAGE_SIZE;
    private static final int EAGAIN = Errno.EAGAIN.number();
    private static final int EEXIST = Errno.EEXIST.number();
    private static final int EBUSY = Errno.EBUSY.number();
    private static final int ENOMEM = Errno.ENOMEM.number();

    private final UffdOps ops;
    private final boolean move;
    private final MapCounters stats;

    public PageMapper(UffdOps ops, boolean move, MapCounters stats) {
        this.ops = ops;
        this.move = move;
        this.stats = stats;
    }

    public boolean moves() {
        return move;
    }

    /** Maps [src, src + len) at dst (page-aligned, one mapping each); throws {@link CompactionFailure} if it cannot. */
    public void map(long dst, long src, long len) {
        map(dst, src, len, move);
    }

    /**
     * As {@link #map(long, long, long)}, with UFFDIO_MOVE if {@code move} (only on a mapper that {@link #moves()})
     * or UFFDIO_COPY: a MOVE mapper's caller COPYs a short run (issue 11's {@code copyrun}).
     */
    public void map(long dst, long src, long len, boolean move) {
        move &= this.move;
        long t0 = System.nanoTime();
        long checkNanos = 0;
        long done = 0;
        int attempts = 0;
        while (done < len) {
            stats.ioctls.increment();
            if (move) {
                stats.moveIoctls.increment();
            }
            long ti = System.nanoTime();
            long r = move ? ops.move(dst + done, src + done, len - done) : ops.copy(dst + done, src + done, len - done);
            if (r > 0) {
                long tr = System.nanoTime();
                (move ? stats.pagesMoved : stats.pagesCopied).add(r / PAGE);
                (move ? stats.moveRuns : stats.copyRuns).record(r / PAGE, tr - ti);
                if (move && r >= PMD) {
                    stats.pmdPages.add(HugePmds.count(dst + done, r) / PAGE);
                    checkNanos += System.nanoTime() - tr;
                }
                if (r < len - done) {
                    stats.partialIoctls.increment();
                }
                done += r;
                attempts = 0;
                continue;
            }
            int errno = (int) -r;
            stats.failedIoctls.increment();
            attempts++;
            if (errno == EAGAIN && attempts < 10_000) {
                stats.eagain.increment();
                Thread.yield();
            } else if (errno == EEXIST) {
                stats.eexist.increment();
                if (present(dst + done)) {
                    done += PAGE;
                } else if (attempts > 100) {
                    throw new CompactionFailure("EEXIST on an empty page", errno, dst + done);
                }
            } else if (errno == ENOMEM && attempts <= 5) {
                stats.enomem.increment();
                sleepMillis(attempts);
            } else if (move && (errno == EBUSY || errno == ENOMEM)) {
                (errno == EBUSY ? stats.ebusy : stats.enomem).increment();
                long tc = System.nanoTime();
                long c = ops.copy(dst + done, src + done, PAGE);
                stats.ioctls.increment();
                if (c <= 0) {
                    stats.failedIoctls.increment();
                    throw new CompactionFailure("UFFDIO_COPY after a failed UFFDIO_MOVE", (int) -c, dst + done);
                }
                stats.copyRuns.record(1, System.nanoTime() - tc);
                stats.fallbackCopies.increment();
                stats.pagesCopied.increment();
                done += PAGE;
                attempts = 0;
            } else {
                throw new CompactionFailure(move ? "UFFDIO_MOVE" : "UFFDIO_COPY", errno, dst + done);
            }
        }
        stats.ioctlNanos.add(System.nanoTime() - t0 - checkNanos);
    }

    /**
     * The last resort, once the range is no longer registered: copies [src, src + len) to dst page by page with plain
     * memory copies. A source page that is a hole (it was moved into dst before the failure) is skipped; every other
     * one — present, or swapped out — is copied (a COPY that already happened is repeated with the same bytes).
     * pagemap tells a swapped-out page from a hole, mincore does not (both are "not resident": skipping by mincore
     * lost swapped-out pages). Returns the pages copied. Never on a registered range: a write to a registered,
     * missing page blocks in a userfault, in Java state here — the HotSpot safepoint deadlock.
     */
    public static long copyUnregistered(long dst, long src, long len) {
        long copied = 0;
        try (Pagemap pagemap = Pagemap.openSelf()) {
            for (long off = 0; off < len; off += PAGE) {
                long entry = pagemap.entry(src + off);
                if (Pagemap.isPresent(entry) || Pagemap.isSwapped(entry)) {
                    MemorySegment.copy(MemorySegment.ofAddress(src + off).reinterpret(PAGE), 0,
                            MemorySegment.ofAddress(dst + off).reinterpret(PAGE), 0, PAGE);
                    copied++;
                }
            }
        }
        return copied;
    }

    private static boolean present(long page) {
        return Memory.mincore(MemorySegment.ofAddress(page).reinterpret(PAGE))[0];
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
