package dev.uffdgc.experiments.swap;

import static dev.uffdgc.toyvm.heap.ObjectLayout.FIRST_OBJECT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.LARGE_OBJECT_BYTES;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static dev.uffdgc.toyvm.heap.ObjectLayout.offset;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.proc.Pagemap;
import dev.uffdgc.kernel.uapi.Mman;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The experiment's view of the cold part of the heap: the whole pages of large primitive arrays, found by
 * parsing the heap (the harness's business, done before anything is evicted), and their eviction to swap.
 */
final class ColdPages {
    /** A page-aligned run of heap offsets [start, end). */
    record Run(long start, long end) {
        long pages() {
            return (end - start) / PAGE_SIZE;
        }
    }

    private ColdPages() {
    }

    /** Whole pages of every large primitive array in [first object, top), live or dead, merged into runs. */
    static List<Run> all(VmBinding vm) {
        List<Run> runs = new ArrayList<>();
        for (long at = FIRST_OBJECT; at < vm.top(); ) {
            long size = vm.objectSize(at);
            if (isLargePrimitiveArray(vm, at, size)) {
                add(runs, at, size);
            }
            at += size;
        }
        return runs;
    }

    /** Whole pages of the large primitive arrays reachable from the roots. Reads headers and reference slots. */
    static List<Run> live(VmBinding vm) {
        BitSet seen = new BitSet(); // by reference: a reference is an offset >> 3, one bit per granule
        ArrayDeque<Long> todo = new ArrayDeque<>();
        vm.forEachRoot(ref -> {
            if (!seen.get(ref)) {
                seen.set(ref);
                todo.add(offset(ref));
            }
            return ref;
        });
        List<Long> arrays = new ArrayList<>();
        while (!todo.isEmpty()) {
            long obj = todo.poll();
            if (isLargePrimitiveArray(vm, obj, vm.objectSize(obj))) {
                arrays.add(obj);
                continue;
            }
            vm.scanObject(obj, slot -> {
                int ref = vm.heap().getInt(slot);
                if (ref != 0 && !seen.get(ref)) {
                    seen.set(ref);
                    todo.add(offset(ref));
                }
            });
        }
        arrays.sort(null);
        List<Run> runs = new ArrayList<>();
        for (long a : arrays) {
            add(runs, a, vm.objectSize(a));
        }
        return runs;
    }

    static long pages(List<Run> runs) {
        long n = 0;
        for (Run r : runs) {
            n += r.pages();
        }
        return n;
    }

    private static boolean isLargePrimitiveArray(VmBinding vm, long obj, long size) {
        if (size < LARGE_OBJECT_BYTES || vm.isFiller(obj)) {
            return false;
        }
        String name = vm.className(obj);
        return name.length() == 2 && name.charAt(0) == '[';
    }

    /** Only whole pages: the last, partial page of an array may also hold hot objects. */
    private static void add(List<Run> runs, long start, long size) {
        long end = start + size / PAGE_SIZE * PAGE_SIZE;
        if (end == start) {
            return;
        }
        if (!runs.isEmpty() && runs.getLast().end() == start) {
            runs.set(runs.size() - 1, new Run(runs.getLast().start(), end));
        } else {
            runs.add(new Run(start, end));
        }
    }

    /** Pages of {@code runs} that pagemap shows swapped out. */
    static long swapped(MemorySegment heap, List<Run> runs, Pagemap pagemap) {
        long n = 0;
        for (Run r : runs) {
            n += pagemap.countSwapped(heap.asSlice(r.start(), r.end() - r.start()));
        }
        return n;
    }

    /**
     * Pushes every page of {@code runs} out to swap, so that touching one afterwards is a real swap-in (see
     * kernel's SwapOut for why one MADV_PAGEOUT leaves pages in the swap cache): MADV_PAGEOUT, then read one
     * byte of each page still in the swap cache (which maps the now-clean folio) and MADV_PAGEOUT again, until
     * none is left or {@code timeoutMillis} passes. Batched over all runs, one wait per round. Returns the pages
     * swapped out.
     */
    static long evict(MemorySegment heap, List<Run> runs, Pagemap pagemap, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        pageout(heap, runs);
        for (int round = 0; ; round++) {
            long cached = 0;
            for (Run r : runs) {
                cached += touchSwapCached(heap.asSlice(r.start(), r.end() - r.start()), pagemap);
            }
            if (cached == 0 || System.currentTimeMillis() > deadline) {
                return swapped(heap, runs, pagemap);
            }
            if (round > 0) {
                sleep(5);
            }
            pageout(heap, runs);
        }
    }

    private static void pageout(MemorySegment heap, List<Run> runs) {
        for (Run r : runs) {
            Memory.madvise(heap.asSlice(r.start(), r.end() - r.start()), Mman.MADV_PAGEOUT);
        }
    }

    @SuppressWarnings("unused")
    private static volatile long sink;

    private static long touchSwapCached(MemorySegment range, Pagemap pagemap) {
        boolean[] resident = Memory.mincore(range);
        MemorySegment entries = pagemap.read(range);
        long touched = 0;
        long sum = 0;
        for (int i = 0; i < resident.length; i++) {
            if (resident[i] && Pagemap.isSwapped(entries.getAtIndex(ValueLayout.JAVA_LONG, i))) {
                sum += range.get(ValueLayout.JAVA_BYTE, i * PAGE_SIZE);
                touched++;
            }
        }
        sink = sum;
        return touched;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evicting", e);
        }
    }
}
