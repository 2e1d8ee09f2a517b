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
 * <p>Two passes (issue 11, page building at memory speed). The first walks the objects that land on the page and
 * copies each contiguous run of them — objects adjacent at the source that stay adjacent at the destination, most
 * of a slid page — with one memmove, writing a filler wherever the destination has a gap; the second walks the
 * built page and forwards its reference slots. Before, every object was its own {@code MemorySegment.copy}
 * (~50 a page on the dense heap) and its slots were forwarded in between, which also kept runs from merging.
 *
 * <p>Reads only the from-space and the plan's side tables, never the heap itself: safe on any thread, at any
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
        long headDest = -1;
        // The last object placed: the only one whose header may lie on the page while its length does not.
        long tailDest = -1;
        int tailClass = 0;
        int tailLength = 0;
        // The pending copy: destination [runLo, runHi) of the page from source runSrc on.
        long runSrc = 0;
        long runLo = 0;
        long runHi = 0;
        boolean first = true;
        while (obj >= 0) {
            long dest = plan.forward((int) obj);
            if (dest > cursor && cursor < limit && (cursor > pageStart || gapIsOurs)) {
                copy(from, runSrc, buf, runLo - pageStart, runHi - runLo); // before the filler: it may overlap the run's source
                runHi = runLo;
                buf.set(JAVA_INT_UNALIGNED, cursor - pageStart + CLASS_ID_OFFSET, FILLER_CLASS_ID);
                buf.set(JAVA_INT_UNALIGNED, cursor - pageStart + HASH_OFFSET, (int) (dest - cursor));
            }
            if (dest >= limit) {
                break; // its header belongs to a later page, whose from-space page may already be recycled
            }
            int cls = first ? plan.headClass[p] : fromView.getInt(obj + CLASS_ID_OFFSET);
            int len = first ? plan.headLength[p]
                    : vm.elementSize(cls) != 0 ? fromView.getInt(obj + ARRAY_LENGTH_OFFSET) : 0;
            long size = vm.sizeOf(cls, len);
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
            if (first) {
                headDest = dest;
            }
            tailDest = dest;
            tailClass = cls;
            tailLength = len;
            cursor = dest + size;
            first = false;
            obj = marks.bits.nextStart(obj + size, plan.oldTop);
        }
        copy(from, runSrc, buf, runLo - pageStart, runHi - runLo);
        if (obj < 0 && cursor < limit && cursor > pageStart) { // the padding after a large array that ends the heap
            buf.set(JAVA_INT_UNALIGNED, cursor - pageStart + CLASS_ID_OFFSET, FILLER_CLASS_ID);
            buf.set(JAVA_INT_UNALIGNED, cursor - pageStart + HASH_OFFSET, (int) (limit - cursor));
        }
        if (limit < pageStart + PAGE_SIZE) {
            buf.asSlice(Math.max(0, limit - pageStart)).fill((byte) 0);
        }
        if (headDest >= 0) {
            forwardPage(p, buf, pageStart, limit, headDest, tailDest, tailClass, tailLength);
        }
    }

    /** Copies {@code bytes} from the from-space at {@code src} to {@code buf} at {@code at}, unless they are there already (in place). */
    private static void copy(MemorySegment from, long src, MemorySegment buf, long at, long bytes) {
        if (bytes > 0 && buf.address() + at != from.address() + src) {
            MemorySegment.copy(from, src, buf, at, bytes);
        }
    }

    /**
     * The second pass: the objects on the built page from the head object's destination on (its class and length
     * from the plan, since its header may lie on an earlier page; the others' from the page, fillers skipped), and
     * every reference slot among their bytes on the page forwarded. The last object's class and length come from
     * the first pass: an array whose header ends the page has its length on the next one.
     */
    private void forwardPage(int p, MemorySegment buf, long pageStart, long limit, long at, long tailDest,
            int tailClass, int tailLength) {
        int cls = plan.headClass[p];
        int len = plan.headLength[p];
        while (true) {
            int elem = vm.elementSize(cls);
            long size = cls == FILLER_CLASS_ID ? buf.get(JAVA_INT_UNALIGNED, at - pageStart + HASH_OFFSET)
                    : vm.sizeOf(cls, len);
            if (cls != FILLER_CLASS_ID) {
                forwardSlots(buf, pageStart, cls, elem, len, at, Math.max(at, pageStart), Math.min(at + size, limit));
            }
            at += size;
            if (at >= limit) {
                return;
            }
            if (at == tailDest) {
                cls = tailClass;
                len = tailLength;
            } else {
                cls = buf.get(JAVA_INT_UNALIGNED, at - pageStart + CLASS_ID_OFFSET);
                len = cls != FILLER_CLASS_ID && vm.elementSize(cls) != 0
                        ? buf.get(JAVA_INT_UNALIGNED, at - pageStart + ARRAY_LENGTH_OFFSET) : 0;
            }
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
