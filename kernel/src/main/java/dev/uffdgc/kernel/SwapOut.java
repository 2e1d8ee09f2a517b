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
 * it clean and frees it at once. Folios still under writeback at that moment stay mapped; we retry those.
 */
public final class SwapOut {
    private SwapOut() {
    }

    @SuppressWarnings("unused")
    private static volatile long sink;

    /**
     * Evicts {@code range} (page-aligned) to swap; returns how many of its pages pagemap then reports swapped.
     * Pages that cannot be swapped (never touched, pinned, shared) are left alone. Needs active swap; without
     * it the result is 0. Gives up on stragglers after {@code timeout}.
     */
    public static long evict(MemorySegment range, Pagemap pagemap, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Memory.madvise(range, Mman.MADV_PAGEOUT);
        long target = pagemap.countSwapped(range);
        if (target == 0) {
            return 0;
        }
        touchSwappedForReading(range, pagemap);
        Memory.madvise(range, Mman.MADV_PAGEOUT);
        long swapped = pagemap.countSwapped(range);
        while (swapped < target && System.nanoTime() < deadline) {
            sleepBriefly(); // let writeback of the stragglers complete, then they are clean and reclaimable
            Memory.madvise(range, Mman.MADV_PAGEOUT);
            swapped = pagemap.countSwapped(range);
        }
        return swapped;
    }

    /** Read (never write: a write would dirty the folio again) one byte of every page pagemap shows swapped. */
    private static void touchSwappedForReading(MemorySegment range, Pagemap pagemap) {
        MemorySegment entries = pagemap.read(range);
        long pages = entries.byteSize() / Pagemap.PM_ENTRY_BYTES;
        long firstPage = range.address() & -Memory.PAGE_SIZE;
        MemorySegment all = MemorySegment.ofAddress(firstPage).reinterpret(pages * Memory.PAGE_SIZE);
        long sum = 0;
        for (long i = 0; i < pages; i++) {
            if (Pagemap.isSwapped(entries.getAtIndex(ValueLayout.JAVA_LONG, i))) {
                sum += all.get(ValueLayout.JAVA_BYTE, i * Memory.PAGE_SIZE);
            }
        }
        sink = sum;
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
