package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;

import dev.uffdgc.toyvm.gc.toolkit.MarkBitmap;
import dev.uffdgc.toyvm.gc.toolkit.Tracer;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.util.Arrays;

/**
 * Stop-the-world marking (the toolkit's {@link Tracer} into its {@link MarkBitmap}) plus the live bytes of every
 * page, which decide the dense prefix. Reused across cycles; sized for the whole heap.
 */
final class Marker implements Tracer.Hook {
    final MarkBitmap bits;
    final int[] pageLive;
    private final Tracer tracer;

    Marker(VmBinding vm) {
        this.bits = new MarkBitmap(vm.end());
        this.tracer = new Tracer(vm, bits);
        this.pageLive = new int[(int) ((vm.end() + (1L << PAGE_SHIFT) - 1) >>> PAGE_SHIFT)];
    }

    /** Marks everything reachable from the roots in [first object, top). */
    void mark(long top) {
        Arrays.fill(pageLive, 0, (int) ((top + (1L << PAGE_SHIFT) - 1) >>> PAGE_SHIFT), 0);
        tracer.trace(top, this);
    }

    long liveBytes() {
        return tracer.liveBytes();
    }

    int liveObjects() {
        return tracer.liveObjects();
    }

    @Override
    public void live(long obj, long size) {
        long end = obj + size;
        for (long at = obj; at < end; ) {
            int page = (int) (at >>> PAGE_SHIFT);
            long n = Math.min(end, ((long) page + 1) << PAGE_SHIFT) - at;
            pageLive[page] += (int) n;
            at += n;
        }
    }
}
