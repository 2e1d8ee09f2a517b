package dev.uffdgc.toyvm.gc.toolkit;

import dev.uffdgc.toyvm.seam.VmBinding;

/**
 * The marking verifier (HotSpot's VerifyDuringGC, Shenandoah's verifier "after mark"): with the world stopped at
 * the end of a concurrent mark, traces the heap again from the roots into a bitmap of its own, with the world
 * stopped, and requires every object it reaches to be marked in the collector's bitmap. A missing barrier, a
 * root taken too late or a lost SATB entry shows up here as a reachable, unmarked object, named by address and
 * class, before the compaction that would have freed it. Costs a full trace: only when verifying.
 */
public final class MarkVerifier {
    private final VmBinding vm;
    private MarkBitmap mine;
    private Tracer tracer;

    public MarkVerifier(VmBinding vm) {
        this.vm = vm;
    }

    /**
     * Throws if an object reachable from the roots below {@code limit} is not marked in {@code marks} (objects
     * at or above it were allocated during the mark: live by definition, marked later). World stopped, heap
     * parseable to {@code top}.
     */
    public void verify(MarkBitmap marks, long limit, long top, String when) {
        if (mine == null) {
            mine = new MarkBitmap(vm.end());
            tracer = Tracer.weak(vm, mine); // weak referents need not be marked (the collector clears them)
        }
        tracer.trace(top, Tracer.NO_HOOK);
        int missing = 0;
        long first = -1;
        for (long obj = mine.nextStart(0, limit); obj >= 0; obj = mine.nextStart(obj + 8, limit)) {
            if (!marks.isStart(obj)) {
                if (first < 0) {
                    first = obj;
                }
                missing++;
            }
        }
        if (missing > 0) {
            throw new IllegalStateException("mark verification " + when + ": " + missing + " reachable object(s) not"
                    + " marked, the first at " + first + " (" + vm.className(first) + "), of "
                    + tracer.liveObjects() + " reachable");
        }
    }
}
