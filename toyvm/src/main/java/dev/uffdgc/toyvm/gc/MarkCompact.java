package dev.uffdgc.toyvm.gc;

import dev.uffdgc.toyvm.gc.toolkit.Forwarding;
import dev.uffdgc.toyvm.gc.toolkit.MarkBitmap;
import dev.uffdgc.toyvm.gc.toolkit.Tracer;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.seam.VmBinding;

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
 */
public final class MarkCompact extends StopTheWorldCollector {
    private final HeapAccess mem;
    private final MarkBitmap bits;
    private final Tracer tracer;
    private final Forwarding forwarding;
    private final Forwarding.Mover slide;

    public MarkCompact(VmBinding binding) {
        super(binding);
        this.mem = binding.heap();
        this.bits = new MarkBitmap(binding.end());
        this.tracer = new Tracer(binding, bits);
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
        tracer.trace(top, Tracer.NO_HOOK);
        long newTop = forwarding.plan(top, 0, null);
        forwarding.updateReferences(top);
        forwarding.relocate(top, slide);
        zero(newTop, top);
        vm.setTop(newTop);
    }

    /**
     * Re-establishes "zero above top". A plain memset: MADV_DONTNEED would return the pages to the kernel but
     * every page would then fault back in (and be zeroed again by the kernel) as allocation refills it;
     * measured on binary trees, the memset is several times cheaper over a run.
     */
    private void zero(long from, long to) {
        if (to > from) {
            mem.fill(from, to - from, (byte) 0);
        }
    }
}
