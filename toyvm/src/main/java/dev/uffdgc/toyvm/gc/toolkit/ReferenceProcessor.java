package dev.uffdgc.toyvm.gc.toolkit;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.seam.ReferenceDiscovery;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.util.Arrays;

/**
 * Weak references for every collector (HotSpot's ReferenceProcessor, MMTk's {@code util/reference_processor}):
 * a weak {@link Tracer} records here each weak reference it scans, without following its referent; once marking
 * is complete, {@link #process} clears the referent of every reference whose referent was not marked and hands the
 * reference to the VM's pending list (seam {@code References}). Clearing before anything moves is what makes it
 * safe: a compaction then never meets a referent pointing at a dead object.
 *
 * <p>Recorded by the threads driving the tracers (the markers, concurrently), processed by the pause owner: the
 * same happens-before edge that hands the tracer over covers this list.
 */
public final class ReferenceProcessor implements ReferenceDiscovery {
    private final VmBinding vm;
    private final HeapAccess mem;
    private long[] slots = new long[256];
    private int[] refs = new int[256];
    private int count;
    private int cleared;

    ReferenceProcessor(VmBinding vm) {
        this.vm = vm;
        this.mem = vm.heap();
    }

    /** Forgets the last mark's references (a new mark begins). */
    void reset() {
        count = 0;
        cleared = 0;
    }

    /** Synchronized: the tracers of a parallel mark share one list (Tracer.helper); a weak reference is rare. */
    @Override
    public synchronized void discover(long reference, long referentSlot) {
        if (count == refs.length) {
            refs = Arrays.copyOf(refs, count * 2);
            slots = Arrays.copyOf(slots, count * 2);
        }
        refs[count] = ObjectLayout.ref(reference);
        slots[count++] = referentSlot;
    }

    /**
     * World stopped, marking complete, nothing moved yet: clears each discovered referent that is not marked in
     * {@code bits} and is below {@code blackFrom} (objects at or above it were allocated during a concurrent mark:
     * live), and enqueues its reference on the VM's pending list. Returns how many were cleared.
     */
    public int process(MarkBitmap bits, long blackFrom) {
        for (int i = 0; i < count; i++) {
            int referent = mem.getInt(slots[i]);
            if (referent != 0 && ObjectLayout.offset(referent) < blackFrom && !bits.isStart(ObjectLayout.offset(referent))) {
                mem.putInt(slots[i], 0);
                vm.enqueuePending(refs[i]);
                cleared++;
            }
        }
        return cleared;
    }

    /** Weak references the last mark scanned. */
    public int discovered() {
        return count;
    }

    /** Of those, how many {@link #process} cleared. */
    public int cleared() {
        return cleared;
    }
}
