package dev.uffdgc.agent.compact;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;
import static dev.uffdgc.toyvm.gc.toolkit.MarkBitmap.CHUNK_SHIFT;
import static dev.uffdgc.toyvm.gc.toolkit.MarkBitmap.GRANULE_SHIFT;

import dev.uffdgc.toyvm.gc.toolkit.MarkBitmap;
import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.lang.foreign.MemorySegment;

/**
 * Builds one destination page of the compacted heap into a 4 KiB buffer: copies the parts of the live objects
 * that land on it from the from-space, turns gaps into fillers, forwards every reference slot on it, and zeroes
 * what lies above the new top. The buffer may be the page's own from-space page (in place: dense-prefix pages,
 * or any page whose from-space page nobody else still reads); copies are memmoves, and since objects only slide
 * down, copying in address order never overwrites bytes not yet read.
 *
 * <p>Two passes (issue 11, page building at memory speed). The first reads no object: after the page's head
 * object (class and length from the plan: its header may be on a recycled page) it takes runs of live granules
 * from the mark bitmap (numberOfTrailingZeros on the chunk's live word) — each a contiguous copy, merged into one
 * memmove with the run before while both stay adjacent — and flag-marked table arrays whole (a start bit, no live
 * granule), writing a filler wherever the destination has a gap. Above the dense prefix a chunk's live granules
 * land contiguously, so only a run that opens a chunk asks the plan for its destination. The second pass forwards
 * slots: per run placed, the objects starting in it by their start bits, each classed from its header on the
 * built page, the slots of those that have any. Before (2026-12-07), the first pass walked the objects one by one
 * (header, class facts, forward or the neighbour shortcut, nextStart): 60-80% of the build. Measured with
 * BuildCostDriver 240000 30 (load 4-5, old and new alternated): build CPU per MiB, into a separate region best of
 * 10, 0.64-0.73 -> 0.44-0.60; in place 0.64-0.75 -> 0.54-0.64; at load 2.3-3.2 new ahead in four pairs of five
 * (0.43-0.78 -> 0.38-0.59). The slot pass is now most of the build: 0.32-0.34 ms/MiB with it, 0.09-0.18 without.
 *
 * <p>Per object, nothing is asked of the VM binding: class facts come from {@link ClassLayouts}' flat arrays, and
 * the page is read and written by heap offset through a {@link HeapAccess} view (Unsafe), not through the
 * segment. Before (2026-12-07), the second pass parsed the built page again — a header read through the segment
 * (a liveness check per access), then element size, size and slot offsets through {@code VmBinding} per object —
 * and took a third of the build-and-map samples (JFR CPU-time sampler, DenseHeap 120000 40 3 1, move). The jars
 * before and after alternated (DenseHeap 120000 30 3 1, cycles 8-29, load ~5): build+map CPU per MiB 2.25 / 2.26
 * -> 1.68 / 1.47.
 *
 * <p>Reads only the from-space and the plan's side tables, never the heap itself: safe on any thread, at any
 * time during the concurrent phase.
 */
final class PageBuilder {
    private static final long CHUNK_MASK = MarkBitmap.CHUNK_BYTES - 1;
    /** Most runs of live granules a page can hold (one granule each, a dead one between), plus the head. */
    private static final int MAX_RUNS = (int) (PAGE_SIZE >>> GRANULE_SHIFT) + 2;
    private final Marker marks;
    private final MarkBitmap bits;
    private final Plan plan;
    private final ClassLayouts layouts;
    /** Per thread: the runs the first pass placed on the page, for the slot pass (no allocation per page). */
    private final ThreadLocal<Runs> runs = ThreadLocal.withInitial(Runs::new);

    /** The runs of traced objects placed on one page, clipped to it: source, destination, bytes. */
    private static final class Runs {
        final long[] src = new long[MAX_RUNS];
        final long[] dest = new long[MAX_RUNS];
        final long[] bytes = new long[MAX_RUNS];
    }

    PageBuilder(VmBinding vm, Marker marks, Plan plan) {
        this.marks = marks;
        this.bits = marks.bits;
        this.plan = plan;
        this.layouts = new ClassLayouts(vm);
    }

    /** Builds page {@code p} into {@code buf}; {@code from} covers the from-space, {@code fromView} reads it. */
    void build(int p, MemorySegment buf, MemorySegment from, HeapAccess fromView) {
        long pageStart = (long) p << PAGE_SHIFT;
        long limit = Math.min(pageStart + PAGE_SIZE, plan.newTop);
        // The page under construction through heap offsets, by Unsafe like every heap access (no segment checks).
        HeapAccess out = fromView.at(buf.address() - pageStart);
        long cursor = pageStart;
        if (p == 0) {
            out.putLong(0, 0L);
            cursor = FIRST_OBJECT;
        }
        boolean gapIsOurs = p == 0 || plan.startsWithGap[p];
        long head = plan.firstSource(p);
        if (head < 0 && limit > cursor) {
            throw new IllegalStateException("uffd-gc: destination page " + p + " has no object (plan invariant)");
        }
        Runs on = runs.get();
        int n = 0;
        ClassLayouts.Table classes = layouts.table();
        int headClass = plan.headClass[p];
        if (head >= 0 && !classes.knows(headClass)) {
            classes = layouts.learn(headClass);
        }
        long headDest = head >= 0 ? plan.forward(head) : 0;
        // The pending copy: destination [runLo, runHi) of the page from source runSrc on.
        long runSrc = 0;
        long runLo = 0;
        long runHi = 0;
        // The next run: the head object whole (its header may lie on a recycled page: the plan's class and
        // length), then runs of live granules from the bitmap, or a flag-marked table array whole.
        long src = head;
        long dest = headDest;
        long len = head >= 0 ? size(classes, headClass, plan.headLength[p]) : 0;
        boolean traced = head >= 0 && bits.isLive(head);
        int chunk = -1; // the chunk of the run before, if its granules land contiguously after it; -1: ask the plan
        long top = plan.oldTop;
        long prefixEnd = plan.densePrefixEnd;
        boolean ended = head < 0;
        while (!ended) {
            if (dest > cursor && cursor < limit && (cursor > pageStart || gapIsOurs)) {
                copy(from, runSrc, buf, runLo - pageStart, runHi - runLo); // before the filler: it may overlap the run's source
                runHi = runLo;
                out.putInt(cursor + CLASS_ID_OFFSET, FILLER_CLASS_ID);
                out.putInt(cursor + HASH_OFFSET, ObjectLayout.fillerWord(dest - cursor));
            }
            if (dest >= limit) {
                break;
            }
            long lo = Math.max(dest, pageStart);
            long hi = Math.min(dest + len, limit);
            long s = src + (lo - dest);
            if (lo == runHi && s - lo == runSrc - runLo) {
                runHi = hi; // adjacent at the source and at the destination: the same memmove
            } else {
                copy(from, runSrc, buf, runLo - pageStart, runHi - runLo);
                runSrc = s;
                runLo = lo;
                runHi = hi;
            }
            if (traced && n > 0 && on.src[n - 1] + on.bytes[n - 1] == s && on.dest[n - 1] + on.bytes[n - 1] == lo) {
                on.bytes[n - 1] += hi - lo;
            } else if (traced) {
                on.src[n] = s;
                on.dest[n] = lo;
                on.bytes[n] = hi - lo;
                n++;
            }
            cursor = dest + len;
            if (cursor >= limit) {
                break;
            }
            // The next run at or after the source end of this one.
            long pos = src + len;
            chunk = traced ? (int) ((pos - 1) >>> CHUNK_SHIFT) : -1; // after a table array, its padding may follow
            ended = true;
            while (pos < top) {
                int c = (int) (pos >>> CHUNK_SHIFT);
                long w = bits.liveBits(c) & (-1L << ((pos >>> GRANULE_SHIFT) & 63));
                if (w != 0) {
                    int g0 = Long.numberOfTrailingZeros(w);
                    long rest = ~w & (-1L << g0);
                    int g1 = rest == 0 ? 64 : Long.numberOfTrailingZeros(rest);
                    src = ((long) c << CHUNK_SHIFT) + ((long) g0 << GRANULE_SHIFT);
                    len = (long) (g1 - g0) << GRANULE_SHIFT;
                    // Above the prefix a chunk's live granules land contiguously (a large object begins a chunk):
                    // a run in the chunk of the run before goes where that one ended, no forward needed.
                    dest = src < prefixEnd ? src : c == chunk ? cursor : plan.forward(src);
                    traced = true;
                    ended = false;
                    break;
                }
                if ((pos & CHUNK_MASK) == 0 && bits.isStart(pos)) { // no live granule, a start: a table array
                    src = pos;
                    len = marks.arrays.size(pos);
                    dest = plan.forward(pos);
                    traced = false;
                    ended = false;
                    break;
                }
                pos = (long) (c + 1) << CHUNK_SHIFT;
                chunk = -1;
            }
        }
        copy(from, runSrc, buf, runLo - pageStart, runHi - runLo);
        if (ended && cursor < limit && cursor > pageStart) { // the padding after a large array that ends the heap
            out.putInt(cursor + CLASS_ID_OFFSET, FILLER_CLASS_ID);
            out.putInt(cursor + HASH_OFFSET, ObjectLayout.fillerWord(limit - cursor));
        }
        if (limit < pageStart + PAGE_SIZE) {
            buf.asSlice(Math.max(0, limit - pageStart)).fill((byte) 0);
        }
        if (head >= 0 && classes.hasSlots[headClass]) {
            forwardSlots(out, classes, headClass, plan.headLength[p], headDest, pageStart, limit);
        }
        for (int i = 0; i < n; i++) {
            classes = slotsOfRun(out, classes, on.src[i], on.dest[i], on.bytes[i], head, pageStart, limit);
        }
    }

    private static long size(ClassLayouts.Table classes, int cls, int length) {
        int elem = classes.elementSize[cls];
        return elem != 0 ? ObjectLayout.arraySize(length, elem) : classes.instanceSize[cls];
    }

    /**
     * The slot pass over one run placed at [dest, dest + bytes) from {@code src}: the objects that start in it (by
     * their start bits; the head is done apart), each classed from its header on the built page, and the slots of
     * those that have any forwarded.
     */
    private ClassLayouts.Table slotsOfRun(HeapAccess out, ClassLayouts.Table classes, long src, long dest, long bytes,
            long head, long pageStart, long limit) {
        long g = src >>> GRANULE_SHIFT;
        long end = (src + bytes) >>> GRANULE_SHIFT;
        while (g < end) {
            int c = (int) (g >>> 6);
            long w = bits.startBits(c) & (-1L << (g & 63));
            long next = ((long) c + 1) << 6;
            if (end < next) {
                w &= (1L << (end & 63)) - 1;
            }
            while (w != 0) {
                long obj = ((long) c << CHUNK_SHIFT) + ((long) Long.numberOfTrailingZeros(w) << GRANULE_SHIFT);
                w &= w - 1;
                long at = dest + (obj - src);
                if (obj == head || at + ARRAY_BASE_OFFSET > limit) {
                    continue; // the head is done apart; an object whose header ends the page has no slot on it
                }
                int cls = out.getInt(at + CLASS_ID_OFFSET);
                if (!classes.knows(cls)) {
                    classes = layouts.learn(cls);
                }
                if (classes.hasSlots[cls]) {
                    int len = classes.referenceArray[cls] ? out.getInt(at + ARRAY_LENGTH_OFFSET) : 0;
                    forwardSlots(out, classes, cls, len, at, pageStart, limit);
                }
            }
            g = next;
        }
        return classes;
    }

    /** Copies {@code bytes} from the from-space at {@code src} to {@code buf} at {@code at}, unless they are there already (in place). */
    private static void copy(MemorySegment from, long src, MemorySegment buf, long at, long bytes) {
        if (bytes > 0 && buf.address() + at != from.address() + src) {
            MemorySegment.copy(from, src, buf, at, bytes);
        }
    }

    /**
     * The second pass, over the objects the first one placed (their class and length recorded then, so no header
     * is read again, no filler parsed, and objects without reference slots are not visited): the reference slots
     * of the object at {@code dest} that lie in [pageStart, limit) forwarded in {@code out}.
     */
    private void forwardSlots(HeapAccess out, ClassLayouts.Table classes, int cls, int len, long dest, long pageStart,
            long limit) {
        if (classes.referenceArray[cls]) {
            long firstSlot = dest + ARRAY_BASE_OFFSET;
            long s = Math.max(pageStart, firstSlot);
            s = firstSlot + ((s - firstSlot + REFERENCE_BYTES - 1) & -REFERENCE_BYTES);
            long end = Math.min(limit, firstSlot + (long) REFERENCE_BYTES * len);
            for (; s < end; s += REFERENCE_BYTES) {
                forwardSlot(out, s);
            }
            return;
        }
        for (int off : classes.referenceOffsets[cls]) {
            long s = dest + off;
            if (s >= pageStart && s < limit) {
                forwardSlot(out, s);
            }
        }
    }

    private void forwardSlot(HeapAccess out, long slot) {
        int ref = out.getInt(slot);
        if (ref != 0) {
            out.putInt(slot, plan.forward(ref));
        }
    }
}
