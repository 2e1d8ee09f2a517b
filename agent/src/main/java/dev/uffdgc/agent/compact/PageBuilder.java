package dev.uffdgc.agent.compact;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

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
 * <p>Two passes (issue 11, page building at memory speed). The first walks the objects that land on the page and
 * copies each contiguous run of them — objects adjacent at the source that stay adjacent at the destination, most
 * of a slid page — with one memmove, writing a filler wherever the destination has a gap, and notes each object
 * that has reference slots; the second forwards the slots of the noted objects on the built page. Before, every
 * object was its own {@code MemorySegment.copy} (~50 a page on the dense heap) and its slots were forwarded in
 * between, which also kept runs from merging.
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
    /** Most objects that can start on a 4 KiB page (8 bytes each at least), plus the head that began before it. */
    private static final int MAX_OBJECTS = (int) (PAGE_SIZE >>> 3) + 1;
    private final Marker marks;
    private final Plan plan;
    private final ClassLayouts layouts;
    /** Per thread: the objects the first pass placed on the page, for the slot pass (no allocation per page). */
    private final ThreadLocal<Placed> placed = ThreadLocal.withInitial(Placed::new);

    /** The objects placed on one page: destination, class id, array length. */
    private static final class Placed {
        final long[] dest = new long[MAX_OBJECTS];
        final int[] cls = new int[MAX_OBJECTS];
        final int[] len = new int[MAX_OBJECTS];
    }

    PageBuilder(VmBinding vm, Marker marks, Plan plan) {
        this.marks = marks;
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
        long obj = plan.firstSource(p);
        if (obj < 0 && limit > cursor) {
            throw new IllegalStateException("uffd-gc: destination page " + p + " has no object (plan invariant)");
        }
        Placed on = placed.get();
        int n = 0;
        ClassLayouts.Table classes = layouts.table();
        // The pending copy: destination [runLo, runHi) of the page from source runSrc on.
        long runSrc = 0;
        long runLo = 0;
        long runHi = 0;
        boolean first = true;
        long srcEnd = -1; // where the object before ends at the source; -1: unknown, or a large object
        while (obj >= 0) {
            // Adjacent at the source to a small object before it and not at a chunk start: its live granules follow
            // that object's in the same chunk, so it lands right after it (the chunk base and popcount not needed;
            // a large object, which may be page-aligned or padded, always asks).
            long dest = obj == srcEnd && (obj & (MarkBitmap.CHUNK_BYTES - 1)) != 0 ? cursor : plan.forward(obj);
            if (dest > cursor && cursor < limit && (cursor > pageStart || gapIsOurs)) {
                copy(from, runSrc, buf, runLo - pageStart, runHi - runLo); // before the filler: it may overlap the run's source
                runHi = runLo;
                out.putInt(cursor + CLASS_ID_OFFSET, FILLER_CLASS_ID);
                out.putInt(cursor + HASH_OFFSET, ObjectLayout.fillerWord(dest - cursor));
            }
            if (dest >= limit) {
                break; // its header belongs to a later page, whose from-space page may already be recycled
            }
            int cls = first ? plan.headClass[p] : fromView.getInt(obj + CLASS_ID_OFFSET);
            if (!classes.knows(cls)) {
                classes = layouts.learn(cls);
            }
            int elem = classes.elementSize[cls];
            int len = first ? plan.headLength[p] : elem != 0 ? fromView.getInt(obj + ARRAY_LENGTH_OFFSET) : 0;
            long size = elem != 0 ? ObjectLayout.arraySize(len, elem) : classes.instanceSize[cls];
            long lo = Math.max(dest, pageStart);
            long hi = Math.min(dest + size, limit);
            long src = obj + (lo - dest);
            if (lo == runHi && src - lo == runSrc - runLo) {
                runHi = hi; // adjacent at the source and at the destination: the same memmove
            } else {
                copy(from, runSrc, buf, runLo - pageStart, runHi - runLo);
                runSrc = src;
                runLo = lo;
                runHi = hi;
            }
            if (classes.hasSlots[cls]) {
                on.dest[n] = dest;
                on.cls[n] = cls;
                on.len[n] = len;
                n++;
            }
            cursor = dest + size;
            srcEnd = size < LARGE_OBJECT_BYTES ? obj + size : -1;
            first = false;
            obj = marks.bits.nextStart(obj + size, plan.oldTop);
        }
        copy(from, runSrc, buf, runLo - pageStart, runHi - runLo);
        if (obj < 0 && cursor < limit && cursor > pageStart) { // the padding after a large array that ends the heap
            out.putInt(cursor + CLASS_ID_OFFSET, FILLER_CLASS_ID);
            out.putInt(cursor + HASH_OFFSET, ObjectLayout.fillerWord(limit - cursor));
        }
        if (limit < pageStart + PAGE_SIZE) {
            buf.asSlice(Math.max(0, limit - pageStart)).fill((byte) 0);
        }
        for (int i = 0; i < n; i++) {
            forwardSlots(out, classes, on.cls[i], on.len[i], on.dest[i], pageStart, limit);
        }
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
