package dev.uffdgc.toyvm.gc;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.uapi.Mman;
import dev.uffdgc.toyvm.gc.toolkit.Forwarding;
import dev.uffdgc.toyvm.gc.toolkit.MarkBitmap;
import dev.uffdgc.toyvm.gc.toolkit.ReferenceProcessor;
import dev.uffdgc.toyvm.gc.toolkit.Tracer;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The built-in stop-the-world sliding mark-compact collector, on the collector toolkit (gc/toolkit): no
 * per-object forwarding words, forwarding from the mark bitmaps and one base per 512-byte chunk.
 *
 * <ol>
 * <li>Mark: {@link Tracer} from the roots into the {@link MarkBitmap}.</li>
 * <li>Plan: {@link Forwarding#plan}: each chunk's base, large objects page-aligned, no dense prefix.</li>
 * <li>Update: every root and every reference slot of every live object := forward(slot).</li>
 * <li>Slide: live objects move down in address order (memmove), fillers in the gaps; the freed tail is zeroed
 *     and the bump pointer lowered.</li>
 * </ol>
 *
 * <p>Each phase is timed, wall and CPU time of the collecting thread (the only one working: the world is
 * stopped), and logged after the pause as one {@code gc,cpu} line, so that a collector's CPU per MB compacted,
 * mark excluded, can be set beside the concurrent collector's (bench gc, issue 11). Not {@code gc,phases}:
 * GCViewer parses that tag as HotSpot's phase lines and warned on every one of ours (GcViewerTest); gc,cpu it
 * ignores.
 * <pre>
 * [0.515s][info][gc,cpu] GC(0) Phases mark 1.234ms plan 0.100ms update 0.500ms slide 0.800ms; cpu mark 1.200ms plan 0.100ms update 0.490ms slide 0.790ms; compacted 3072K
 * </pre>
 * Cost: 5 nanoTime and 5 thread-CPU reads (clock_gettime(CLOCK_THREAD_CPUTIME_ID), ~1 µs each) per cycle.
 */
public final class MarkCompact extends StopTheWorldCollector {
    private final HeapAccess mem;
    private final MarkBitmap bits;
    private final Tracer tracer;
    private final Forwarding forwarding;
    private final Forwarding.Mover slide;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] PHASES = {"mark", "plan", "update", "slide"};
    /** The last cycle's phase boundaries: wall (nanoTime) and thread CPU time, at the start and after each phase. */
    private final long[] wall = new long[PHASES.length + 1];
    private final long[] cpu = new long[PHASES.length + 1];
    private long compacted;

    public MarkCompact(VmBinding binding) {
        super(binding);
        this.mem = binding.heap();
        this.bits = new MarkBitmap(binding.end());
        this.tracer = Tracer.weak(binding, bits);
        this.forwarding = new Forwarding(binding, bits);
        this.slide = new Forwarding.Mover() {
            @Override
            public void gap(long at, long bytes, long next) {
                vm.writeFiller(at, bytes);
            }

            @Override
            public long move(long obj, long dest, long size) {
                if (dest != obj) {
                    mem.copy(obj, dest, size);
                }
                return dest + size;
            }
        };
    }

    @Override
    protected void compact(long top) {
        stamp(0);
        tracer.trace(top, Tracer.NO_HOOK);
        if (tracer.references().process(bits, top) > 0) {
            graphChangedOnPurpose();
        }
        stamp(1);
        long newTop = forwarding.plan(top, 0, null);
        stamp(2);
        forwarding.updateReferences(top);
        stamp(3);
        forwarding.relocate(top, slide);
        zero(newTop, top);
        vm.setTop(newTop);
        stamp(4);
        compacted = newTop;
    }

    private void stamp(int i) {
        wall[i] = System.nanoTime();
        cpu[i] = THREADS.getCurrentThreadCpuTime();
    }

    /** The phase line (after the pause line), in the shape {@code bench gc} parses (see the class comment). */
    @Override
    protected void logDetails(int id) {
        if (!vm.log().enabled()) {
            return;
        }
        StringBuilder s = new StringBuilder("GC(").append(id).append(") Phases");
        for (long[] t : new long[][] {wall, cpu}) {
            if (t == cpu) {
                s.append("; cpu");
            }
            for (int i = 0; i < PHASES.length; i++) {
                s.append(String.format(Locale.ROOT, " %s %.3fms", PHASES[i], (t[i + 1] - t[i]) / 1e6));
            }
        }
        vm.log().line("gc,cpu", s.append("; compacted ").append(compacted >> 10).append('K').toString());
        ReferenceProcessor refs = tracer.references();
        if (refs.discovered() > 0) { // most programs have none: no line per cycle saying so
            vm.log().line("gc,ref", "GC(" + id + ") Weak references: " + refs.discovered() + " discovered, "
                    + refs.cleared() + " cleared");
        }
    }

    /**
     * Re-establishes "zero above top". A plain memset: MADV_DONTNEED would return the pages to the kernel but
     * every page would then fault back in (and be zeroed again by the kernel) as allocation refills it;
     * measured on binary trees, the memset is several times cheaper over a run. Except beyond the first
     * {@link #MEMSET_BYTES}: whole 2 MiB regions there are released (they read as zero again), as a freed range
     * in a large heap can be gigabytes that were never touched (a dead multi-GiB array) and a memset would
     * populate every page of it.
     */
    private void zero(long from, long to) {
        long released = (from + MEMSET_BYTES + HUGE - 1) & -HUGE;
        if (to - released >= HUGE) {
            long end = to & -HUGE;
            Memory.madvise(mem.slice(released, end - released), Mman.MADV_DONTNEED);
            mem.fill(from, released - from, (byte) 0);
            mem.fill(end, to - end, (byte) 0);
        } else if (to > from) {
            mem.fill(from, to - from, (byte) 0);
        }
    }

    private static final long HUGE = Memory.HUGE_PAGE_SIZE;
    private static final long MEMSET_BYTES = 64L << 20;
}
