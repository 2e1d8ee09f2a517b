package dev.uffdgc.agent.compact;

import static dev.uffdgc.kernel.uapi.Mman.MADV_DONTNEED;
import static dev.uffdgc.toyvm.heap.ObjectLayout.HEADER_BYTES;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.lang.foreign.MemorySegment;

/**
 * Before the flip, on the marker thread after the plan: the whole 2 MiB regions of the marked range that hold no
 * live byte are released (MADV_DONTNEED): their memory goes back before the cycle ends rather than after it.
 *
 * <p>Whole 1 GiB PUDs of a dead run are mapped anew rather than advised ({@link #release(VmBinding, long, long)}): the
 * PUD flip (Flip) moves every PUD that still holds a page table with a TLB flush of its own. The rest was first
 * written for the flip's cost before the PUD flip:
 * mremap moved each populated PMD with a TLB flush of its own ({@code move_huge_pmd} and
 * {@code move_normal_pmd} end in {@code flush_tlb_mm_range}), and on this VM a flush is a hypercall: perf of a C
 * mremap(DONTUNMAP|FIXED) of 2000 MiB of touched huge pages put 95% of its 12-21 ms (CPU, one thread) in
 * {@code flush_tlb_mm_range} -> {@code pvm_flush_tlb_multi} (~18 µs per PMD); 256 MiB 0.5 ms. So the flip cost
 * what the heap had used at the allocation failure (the whole heap), not the live set: 8 MiB live in -Xmx2047m,
 * mremap 8.4-36 ms per flip (LiveSetChurn 8 1 2550). An empty PMD costs mremap a page-table lookup.
 *
 * <p>The heap must still parse from its first object to top (the verifier; the built-in collector if the mark is
 * abandoned before the flip), so each run of dead regions becomes one filler, from the end of the last live object
 * before it to the first live object after it; its header is written in a page that is kept. A dead object before
 * such a filler may still point into it, which the structural verifier (it checks every parsed object) rejects, so a
 * mark abandoned after a release turns every dead gap into a filler ({@link #fillDeadGaps}). Dead objects are read
 * by no one (SATB: unreachable at the snapshot stays unreachable) and nothing is allocated below the mark end, so
 * writing the header and releasing the pages while mutators run is safe. Regions below the new top are kept: the
 * workers build destination pages in their own from-space pages, and a released one would fault a fresh (huge)
 * page in for that build.
 */
final class DeadRegions {
    static final long REGION = Memory.HUGE_PAGE_SIZE;
    private static final int REGION_PAGES = (int) (REGION / Memory.PAGE_SIZE);

    private DeadRegions() {
    }

    /**
     * Releases the dead whole regions in [{@code low}, {@code markEnd}) (heap offsets; {@code markEnd} the page-aligned
     * mark end, below which every object is marked or dead). Returns the bytes released.
     */
    static long release(VmBinding vm, Marker marks, long low, long markEnd) {
        MemorySegment heap = vm.rawHeap().region();
        long first = ((heap.address() + REGION - 1) & -REGION) - heap.address(); // the first region's offset
        long released = 0;
        for (long r = up(first, low); r + REGION <= markEnd; ) {
            if (!dead(marks.pageLive, r)) {
                r += REGION;
                continue;
            }
            long end = r + REGION;
            while (end + REGION <= markEnd && dead(marks.pageLive, end)) {
                end += REGION;
            }
            long prev = marks.bits.prevStart(r);
            long fillerStart = prev < 0 ? vm.firstObject() : prev + size(vm, marks, prev);
            long from = Math.max(r, up(first, fillerStart + HEADER_BYTES)); // the header's page stays
            long next = marks.bits.nextStart(end, markEnd);
            if (from < end) {
                vm.writeFiller(fillerStart, (next < 0 ? markEnd : next) - fillerStart);
                release(vm, from, end);
                released += end - from;
            }
            r = end;
        }
        return released;
    }

    /**
     * With the world stopped, when a mark is abandoned after {@link #release}: every gap between live objects in
     * [first object, {@code markEnd}) becomes one filler, so only live objects and fillers remain there (dead objects
     * that pointed into a released run are gone). O(live objects); each header goes right after a live object (or
     * at the first object), in a page that was kept.
     */
    static void fillDeadGaps(VmBinding vm, Marker marks, long markEnd) {
        long at = vm.firstObject();
        while (at < markEnd) {
            long live = marks.bits.nextStart(at, markEnd);
            long gapEnd = live < 0 ? markEnd : live;
            if (gapEnd > at) {
                vm.writeFiller(at, gapEnd - at);
            }
            if (live < 0) {
                return;
            }
            at = live + size(vm, marks, live);
        }
    }

    /**
     * Releases [{@code from}, {@code end}) (heap offsets, whole regions but for the first): its whole 1 GiB PUDs mapped
     * anew ({@code Heap.renewPuds}, which frees their page tables), the rest MADV_DONTNEED. Why: the flip's mremap
     * moves every PUD that holds a PMD table with a TLB flush of its own, and MADV_DONTNEED leaves the table. A heap
     * filled between cycles holds one in every PUD: 16 in a 16 GiB heap with 8 MiB live, whose flip's mremap took
     * 0.28-0.96 ms against 0.16 at 256 MiB (bench pause, quiet). In C here, 16 PUDs each holding an empty table:
     * mremap 0.11-0.20 ms; with the tables freed 0.02 ms (the mmap: 0.4 ms, here on the marker thread).
     */
    private static void release(VmBinding vm, long from, long end) {
        MemorySegment heap = vm.rawHeap().region();
        long pud = Memory.PUD_SIZE;
        long lo = (from + pud - 1) & -pud; // heap offsets are mapping offsets: the region starts the 1 GiB-aligned mapping
        long hi = end & -pud;
        if (hi <= lo) {
            Memory.madvise(heap.asSlice(from, end - from), MADV_DONTNEED);
            return;
        }
        if (lo > from) {
            Memory.madvise(heap.asSlice(from, lo - from), MADV_DONTNEED);
        }
        vm.rawHeap().renewPuds(lo, hi - lo);
        if (end > hi) {
            Memory.madvise(heap.asSlice(hi, end - hi), MADV_DONTNEED);
        }
    }

    /** The first region start at or above {@code offset}. */
    private static long up(long first, long offset) {
        return offset <= first ? first : first + (offset - first + REGION - 1) / REGION * REGION;
    }

    private static boolean dead(int[] pageLive, long regionStart) {
        int p = (int) (regionStart / Memory.PAGE_SIZE);
        for (int i = p; i < p + REGION_PAGES; i++) {
            if (pageLive[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A marked object's size: a table array's from the table (its header is never read), else from its header. */
    private static long size(VmBinding vm, Marker marks, long obj) {
        return marks.bits.isFlagOnly(obj) ? marks.arrays.size(obj) : vm.objectSize(obj);
    }
}
