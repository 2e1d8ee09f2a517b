package dev.uffdgc.agent.compact;

import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.util.Arrays;

/**
 * Stop-the-world marking into side bitmaps (nothing is written to object headers): one start bit per object
 * and one live bit per 8-byte granule, 64 granules (one 512-byte chunk) per long; plus the live bytes of every
 * page, which decides the dense prefix. Reused across cycles; sized for the whole heap.
 */
final class Marker {
    static final int CHUNK_SHIFT = 9;
    static final int PAGE_SHIFT = 12;

    final long[] starts;
    final long[] live;
    final int[] pageLive;
    private final VmBinding vm;
    private final HeapAccess mem;
    private int[] stack = new int[4096];
    private int stackTop;
    long liveBytes;
    int liveObjects;

    Marker(VmBinding vm) {
        this.vm = vm;
        this.mem = vm.heap();
        int chunks = (int) ((vm.end() + (1 << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT);
        this.starts = new long[chunks];
        this.live = new long[chunks];
        this.pageLive = new int[(int) ((vm.end() + (1 << PAGE_SHIFT) - 1) >>> PAGE_SHIFT)];
    }

    /** Marks everything reachable from the roots in [first object, top). */
    void mark(long top) {
        // Clear to the end of top's page: the plan looks backwards from page boundaries, and bits left from an
        // earlier cycle with a higher top would read as objects.
        long pageEnd = (top + (1 << PAGE_SHIFT) - 1) & -(1L << PAGE_SHIFT);
        int chunks = (int) Math.min(starts.length, pageEnd >>> CHUNK_SHIFT);
        Arrays.fill(starts, 0, chunks, 0);
        Arrays.fill(live, 0, chunks, 0);
        Arrays.fill(pageLive, 0, (int) ((top + (1 << PAGE_SHIFT) - 1) >>> PAGE_SHIFT), 0);
        liveBytes = 0;
        liveObjects = 0;
        stackTop = 0;
        vm.forEachRoot(ref -> {
            push(ref);
            return ref;
        });
        while (stackTop > 0) {
            vm.scanObject(stack[--stackTop], slot -> {
                int ref = mem.getInt(slot);
                if (ref != 0) {
                    push(ref);
                }
            });
        }
    }

    boolean isStart(long obj) {
        int g = (int) (obj >>> 3);
        return (starts[g >>> 6] & (1L << g)) != 0;
    }

    /** The first marked object at or after {@code from}, or -1 if none below {@code limit}. */
    long nextStart(long from, long limit) {
        int g = (int) (from >>> 3);
        int w = g >>> 6;
        int lastWord = (int) ((limit - 1) >>> (CHUNK_SHIFT)) ;
        long bits = w < starts.length ? starts[w] & (-1L << (g & 63)) : 0;
        while (true) {
            if (bits != 0) {
                long obj = (((long) w << 6) + Long.numberOfTrailingZeros(bits)) << 3;
                return obj < limit ? obj : -1;
            }
            if (++w > lastWord || w >= starts.length) {
                return -1;
            }
            bits = starts[w];
        }
    }

    /** The last marked object starting below {@code before}, or -1. */
    long prevStart(long before) {
        if (before <= 0) {
            return -1;
        }
        int g = (int) ((before - 1) >>> 3);
        int w = g >>> 6;
        long bits = starts[w] & (-1L >>> (63 - (g & 63)));
        while (true) {
            if (bits != 0) {
                return (((long) w << 6) + 63 - Long.numberOfLeadingZeros(bits)) << 3;
            }
            if (--w < 0) {
                return -1;
            }
            bits = starts[w];
        }
    }

    private void push(int ref) {
        int g = ref >>> 3;
        long bit = 1L << g;
        if ((starts[g >>> 6] & bit) != 0) {
            return;
        }
        starts[g >>> 6] |= bit;
        long size = vm.objectSize(ref);
        setLive(g, (int) (size >>> 3));
        addPageLive(ref, size);
        liveBytes += size;
        liveObjects++;
        if (stackTop == stack.length) {
            stack = Arrays.copyOf(stack, stackTop * 2);
        }
        stack[stackTop++] = ref;
    }

    private void addPageLive(long obj, long size) {
        long end = obj + size;
        for (long at = obj; at < end; ) {
            int page = (int) (at >>> PAGE_SHIFT);
            long pageEnd = ((long) page + 1) << PAGE_SHIFT;
            long n = Math.min(end, pageEnd) - at;
            pageLive[page] += (int) n;
            at += n;
        }
    }

    private void setLive(int g, int n) {
        int end = g + n;
        while (g < end) {
            int word = g >>> 6;
            int bit = g & 63;
            int take = Math.min(64 - bit, end - g);
            live[word] |= take == 64 ? -1L : ((1L << take) - 1) << bit;
            g += take;
        }
    }
}
