package dev.uffdgc.toyvm.gc;

import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.seam.SlotVisitor;
import dev.uffdgc.toyvm.seam.VmBinding;
import static dev.uffdgc.toyvm.heap.ObjectLayout.FIRST_OBJECT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.LARGE_OBJECT_BYTES;

import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.heap.ObjectLayout;
import java.util.Arrays;

/**
 * The built-in stop-the-world sliding mark-compact collector. No per-object forwarding words: forwarding is
 * computed from two side bitmaps and one base address per 512-byte chunk.
 *
 * <ol>
 * <li>Mark: from the roots, depth-first with an explicit stack; set the object's start bit and the live bit
 *     of each of its 8-byte granules.</li>
 * <li>Plan: walk the chunks in address order; a chunk's base is where its first live granule goes (page
 *     aligned when that granule starts a large object, which always begins a chunk).
 *     forward(obj) = base[chunk] + 8 * popcount(live granules of the chunk below obj).</li>
 * <li>Update: every root and every reference slot of every live object := forward(slot).</li>
 * <li>Slide: move live objects down in address order (memmove), fillers in alignment gaps, zero the freed
 *     tail, lower the bump pointer.</li>
 * </ol>
 */
public final class MarkCompact implements Collector {
    private static final int CHUNK_SHIFT = 9;

    private final VmBinding vm;
    private final HeapAccess mem;
    private final HeapVerifier verifier;
    private final long[] starts;
    private final long[] live;
    private final int[] chunkBase;
    private int[] stack = new int[4096];
    private int stackTop;
    private int collections;
    private final SlotVisitor markSlot = slot -> {
        int ref = mem().getInt(slot);
        if (ref != 0) {
            markAndPush(ref);
        }
    };
    private final SlotVisitor updateSlot = slot -> {
        int ref = mem().getInt(slot);
        if (ref != 0) {
            mem().putInt(slot, forward(ref));
        }
    };

    public MarkCompact(VmBinding binding) {
        this.vm = binding;
        this.mem = binding.heap();
        int chunks = (int) ((binding.end() + (1 << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT);
        this.starts = new long[chunks];
        this.live = new long[chunks];
        this.chunkBase = new int[chunks];
        this.verifier = new HeapVerifier(binding);
    }

    private HeapAccess mem() {
        return mem;
    }

    @Override
    public int collections() {
        return collections;
    }

    @Override
    public void collect(Cause cause, long requestBytes) {
        if (!vm.stopTheWorld()) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            long before = vm.top();
            long hashBefore = vm.verifying() ? verifier.verify("before GC(" + collections + ")") : 0;
            long t1 = System.nanoTime();
            int chunks = (int) ((before + (1 << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT);
            mark(chunks);
            long newTop = plan(chunks);
            update(chunks);
            slide(chunks, newTop);
            long t2 = System.nanoTime();
            if (vm.verifying()) {
                long hashAfter = verifier.verify("after GC(" + collections + ")");
                if (hashAfter != hashBefore) {
                    throw new IllegalStateException("toyvm: heap graph changed across GC(" + collections + "): "
                            + Long.toHexString(hashBefore) + " -> " + Long.toHexString(hashAfter));
                }
            }
            vm.log().pause(collections, cause, before, vm.top(), vm.end(), t2 - t1, t0);
            collections++;
        } finally {
            vm.resumeTheWorld();
        }
    }

    private void mark(int chunks) {
        Arrays.fill(starts, 0, chunks, 0);
        Arrays.fill(live, 0, chunks, 0);
        stackTop = 0;
        vm.forEachRoot(ref -> {
            markAndPush(ref);
            return ref;
        });
        while (stackTop > 0) {
            int obj = stack[--stackTop];
            vm.scanObject(obj, markSlot);
        }
    }

    private void markAndPush(int ref) {
        int g = ref >>> 3;
        long bit = 1L << g;
        if ((starts[g >>> 6] & bit) != 0) {
            return;
        }
        starts[g >>> 6] |= bit;
        setLive(g, (int) (vm.objectSize(ref) >>> 3));
        if (stackTop == stack.length) {
            stack = Arrays.copyOf(stack, stackTop * 2);
        }
        stack[stackTop++] = ref;
    }

    /** Sets the live bits of granules [g, g + n). */
    private void setLive(int g, int n) {
        int end = g + n;
        while (g < end) {
            int word = g >>> 6;
            int bit = g & 63;
            int take = Math.min(64 - bit, end - g);
            long mask = take == 64 ? -1L : ((1L << take) - 1) << bit;
            live[word] |= mask;
            g += take;
        }
    }

    /** Computes each chunk's base; returns the new top. */
    private long plan(int chunks) {
        long free = FIRST_OBJECT;
        for (int c = 0; c < chunks; c++) {
            long bits = live[c];
            if (bits == 0) {
                chunkBase[c] = (int) free;
                continue;
            }
            int first = Long.numberOfTrailingZeros(bits);
            long obj = ((long) c << CHUNK_SHIFT) + ((long) first << 3);
            if ((starts[c] & (1L << first)) != 0 && vm.objectSize(obj) >= LARGE_OBJECT_BYTES) {
                free = ObjectLayout.pageAlign(free);
            }
            chunkBase[c] = (int) free;
            free += 8L * Long.bitCount(bits);
        }
        return free;
    }

    private int forward(int ref) {
        int g = ref >>> 3;
        int c = g >>> 6;
        return chunkBase[c] + 8 * Long.bitCount(live[c] & ((1L << (g & 63)) - 1));
    }

    private void update(int chunks) {
        vm.forEachRoot(this::forward);
        for (int c = 0; c < chunks; c++) {
            long bits = starts[c];
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                long obj = ((long) c << CHUNK_SHIFT) + ((long) b << 3);
                vm.scanObject(obj, updateSlot);
            }
        }
    }

    private void slide(int chunks, long newTop) {
        long end = FIRST_OBJECT;
        for (int c = 0; c < chunks; c++) {
            long bits = starts[c];
            while (bits != 0) {
                int b = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int obj = (c << CHUNK_SHIFT) + (b << 3);
                long size = vm.objectSize(obj);
                int to = forward(obj);
                if (to > end) {
                    vm.writeFiller(end, to - end);
                }
                if (to != obj) {
                    mem.copy(obj, to, size);
                }
                end = to + size;
            }
        }
        if (end != newTop) {
            throw new IllegalStateException("toyvm: compaction ended at " + end + ", planned " + newTop);
        }
        long oldTop = vm.top();
        zero(newTop, oldTop);
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
