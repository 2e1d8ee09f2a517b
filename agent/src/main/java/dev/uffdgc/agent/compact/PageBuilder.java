package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.*;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

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
 * Reads only the from-space and the plan's side tables, never the heap itself: safe on any thread, at any
 * time during the concurrent phase.
 */
final class PageBuilder {
    private final VmBinding vm;
    private final Marker marks;
    private final Plan plan;

    PageBuilder(VmBinding vm, Marker marks, Plan plan) {
        this.vm = vm;
        this.marks = marks;
        this.plan = plan;
    }

    /** Builds page {@code p} into {@code buf}; {@code from} covers the from-space, {@code fromView} reads it. */
    void build(int p, MemorySegment buf, MemorySegment from, HeapAccess fromView) {
        long pageStart = (long) p << PAGE_SHIFT;
        long limit = Math.min(pageStart + PAGE_SIZE, plan.newTop);
        long cursor = pageStart;
        if (p == 0) {
            buf.set(JAVA_LONG_UNALIGNED, 0, 0L);
            cursor = FIRST_OBJECT;
        }
        boolean gapIsOurs = p == 0 || plan.startsWithGap[p];
        long obj = plan.firstSrc[p];
        if (obj < 0 && limit > cursor) {
            throw new IllegalStateException("uffd-gc: destination page " + p + " has no object (plan invariant)");
        }
        boolean first = true;
        while (obj >= 0) {
            long dest = plan.forward((int) obj);
            if (dest > cursor && cursor < limit && (cursor > pageStart || gapIsOurs)) {
                buf.set(JAVA_INT_UNALIGNED, cursor - pageStart + CLASS_ID_OFFSET, FILLER_CLASS_ID);
                buf.set(JAVA_INT_UNALIGNED, cursor - pageStart + HASH_OFFSET, (int) (dest - cursor));
            }
            if (dest >= limit) {
                break; // its header belongs to a later page, whose from-space page may already be recycled
            }
            int cls = first ? plan.headClass[p] : fromView.getInt(obj + CLASS_ID_OFFSET);
            int elem = vm.elementSize(cls);
            int len = first ? plan.headLength[p] : elem != 0 ? fromView.getInt(obj + ARRAY_LENGTH_OFFSET) : 0;
            long size = vm.sizeOf(cls, len);
            long lo = Math.max(dest, pageStart);
            long hi = Math.min(dest + size, limit);
            long src = obj + (lo - dest);
            if (buf.address() + (lo - pageStart) != from.address() + src) {
                MemorySegment.copy(from, src, buf, lo - pageStart, hi - lo);
            }
            forwardSlots(buf, pageStart, cls, elem, len, dest, lo, hi);
            cursor = dest + size;
            first = false;
            obj = marks.bits.nextStart(obj + size, plan.oldTop);
        }
        if (obj < 0 && cursor < limit && cursor > pageStart) { // the padding after a large array that ends the heap
            buf.set(JAVA_INT_UNALIGNED, cursor - pageStart + CLASS_ID_OFFSET, FILLER_CLASS_ID);
            buf.set(JAVA_INT_UNALIGNED, cursor - pageStart + HASH_OFFSET, (int) (limit - cursor));
        }
        if (limit < pageStart + PAGE_SIZE) {
            buf.asSlice(Math.max(0, limit - pageStart)).fill((byte) 0);
        }
    }

    /** Forwards the reference slots of the object at {@code dest} that lie in [lo, hi) of this page. */
    private void forwardSlots(MemorySegment buf, long pageStart, int cls, int elem, int len, long dest, long lo, long hi) {
        if (elem != 0) {
            if (!vm.isReferenceArray(cls)) {
                return;
            }
            long firstSlot = dest + ARRAY_BASE_OFFSET;
            long s = Math.max(lo, firstSlot);
            s = firstSlot + ((s - firstSlot + REFERENCE_BYTES - 1) & -REFERENCE_BYTES);
            long end = Math.min(hi, firstSlot + (long) REFERENCE_BYTES * len);
            for (; s < end; s += REFERENCE_BYTES) {
                forwardSlot(buf, s - pageStart);
            }
            return;
        }
        for (int off : vm.referenceOffsets(cls)) {
            long s = dest + off;
            if (s >= lo && s < hi) {
                forwardSlot(buf, s - pageStart);
            }
        }
    }

    private void forwardSlot(MemorySegment buf, long at) {
        int ref = buf.get(JAVA_INT_UNALIGNED, at);
        if (ref != 0) {
            buf.set(JAVA_INT_UNALIGNED, at, plan.forward(ref));
        }
    }
}
