package dev.uffdgc.kernel;

import dev.uffdgc.kernel.proc.Pagemap;
import dev.uffdgc.kernel.uapi.Mman;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;

/**
 * Pushes the pages of a range all the way out to swap, so that the next touch of each is a real swap-in
 * (a major fault, pswpin) rather than a minor fault served from the swap cache.
 *
 * <p>Why one MADV_PAGEOUT is not enough (measured here, kernel 6.18, swapfile on ext4/virtio): MADV_PAGEOUT
 * replaces the PTEs with swap entries and starts asynchronous writeback, but reclaim keeps a folio that is
 * still under writeback, so the page stays in the swap cache and reading it back costs a minor fault and no I/O.
 * Touching such a page for reading maps the now-clean swap-cache folio again; a second MADV_PAGEOUT then finds
 * it clean and frees it at once. Folios still under writeback at that moment stay mapped, and a few are unmapped
 * but not freed (an extra reference, e.g. a per-CPU LRU batch); mincore tells those apart (a swap PTE whose folio
 * is in the swap cache reads as resident) and we retry them until none is left.
 */
public final class SwapOut {
    private SwapOut() {
    }

    @SuppressWarnings("unused")
    private static volatile long sink;

    /**
     * Evicts {@code range} (page-aligned) to swap; returns how many of its pages pagemap then reports swapped.
     * Pages that cannot be swapped (never touched, pinned, shared) are left alone. Needs active swap; without
     * it the result is 0. Gives up on stragglers after {@code timeout}; check with {@link #inSwapCache}.
     */
    public static long evict(MemorySegment range, Pagemap pagemap, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Memory.madvise(range, Mman.MADV_PAGEOUT);
        long target = pagemap.countSwapped(range);
        if (target == 0) {
            return 0;
        }
        for (int round = 0; ; round++) {
            long cached = touchSwapCachedForReading(range, pagemap);
            long swapped = pagemap.countSwapped(range);
            if ((cached == 0 && swapped >= target) || System.nanoTime() > deadline) {
                return swapped;
            }
            if (round > 0) {
                // Stragglers: folios still under writeback, or held by a per-CPU LRU batch; give them a moment.
                sleepBriefly();
            }
            Memory.madvise(range, Mman.MADV_PAGEOUT);
        }
    }

    /** Pages of {@code range} that pagemap shows swapped but mincore shows resident: still in the swap cache. */
    public static long inSwapCache(MemorySegment range, Pagemap pagemap) {
        boolean[] resident = Memory.mincore(range);
        MemorySegment entries = pagemap.read(range);
        long n = 0;
        for (int i = 0; i < resident.length; i++) {
            if (resident[i] && Pagemap.isSwapped(entries.getAtIndex(ValueLayout.JAVA_LONG, i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * Reads one byte of every page that is swapped but still in the swap cache, which maps the clean folio again
     * so the next MADV_PAGEOUT can free it. Never writes (that would dirty it) and never touches a page that is
     * really out (that would swap it in). Returns how many pages it touched.
     */
    private static long touchSwapCachedForReading(MemorySegment range, Pagemap pagemap) {
        boolean[] resident = Memory.mincore(range); // mincore reports swap-cache pages of swap PTEs as resident
        MemorySegment entries = pagemap.read(range);
        MemorySegment pages = MemorySegment.ofAddress(range.address()).reinterpret(resident.length * Memory.PAGE_SIZE);
        long touched = 0;
        long sum = 0;
        for (int i = 0; i < resident.length; i++) {
            if (resident[i] && Pagemap.isSwapped(entries.getAtIndex(ValueLayout.JAVA_LONG, i))) {
                sum += pages.get(ValueLayout.JAVA_BYTE, i * Memory.PAGE_SIZE);
                touched++;
            }
        }
        sink = sum;
        return touched;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for swap writeback", e);
        }
    }
}
