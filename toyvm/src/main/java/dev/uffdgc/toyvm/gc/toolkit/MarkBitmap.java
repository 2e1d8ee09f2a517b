package dev.uffdgc.toyvm.gc.toolkit;

import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The side mark bitmaps every collector uses (nothing is written to object headers): one start bit per marked
 * object and one live bit per live 8-byte granule, 64 granules — one 512-byte chunk — per long, so that a
 * chunk's live bytes are one popcount (the forwarding's unit, see {@link Forwarding}).
 *
 * <p>An object marked "by flag" (page-slide's table arrays) has its start bit but no live bits: it is placed by
 * page and never read; {@link #isFlagOnly} tells the two apart.
 */
public final class MarkBitmap {
    // A granule index (offset >>> 3) is up to 2^32 in a 32 GiB heap: the int indexes below are read as unsigned
    // (only >>> 6 and & 63 are applied to them), so they stay right above 16 GiB.
    public static final int GRANULE_SHIFT = 3;
    public static final int CHUNK_SHIFT = 9;
    public static final long CHUNK_BYTES = 1L << CHUNK_SHIFT;

    final long[] starts;
    final long[] live;

    /** Bitmaps for a heap of {@code heapBytes}, plus one spare chunk so lookups at the end need no bounds case. */
    public MarkBitmap(long heapBytes) {
        int chunks = (int) ((heapBytes + CHUNK_BYTES - 1) >>> CHUNK_SHIFT) + 1;
        starts = new long[chunks];
        live = new long[chunks];
    }

    public static int chunks(long top) {
        return (int) ((top + CHUNK_BYTES - 1) >>> CHUNK_SHIFT);
    }

    /**
     * Clears the bits up to the end of top's page: planners look backwards from page boundaries, and bits left
     * from an earlier cycle with a higher top would read as objects.
     */
    public void clear(long top) {
        long pageEnd = ((top + (1L << PAGE_SHIFT) - 1) >>> PAGE_SHIFT) << PAGE_SHIFT;
        int n = (int) Math.min(starts.length, pageEnd >>> CHUNK_SHIFT);
        Arrays.fill(starts, 0, n, 0);
        Arrays.fill(live, 0, n, 0);
    }

    /** Sets obj's start bit; false if it was already set (the object is marked). */
    public boolean markStart(long obj) {
        int g = (int) (obj >>> GRANULE_SHIFT);
        long bit = 1L << g;
        long w = starts[g >>> 6];
        if ((w & bit) != 0) {
            return false;
        }
        starts[g >>> 6] = w | bit;
        return true;
    }

    /**
     * {@link #markStart} for a mark that several threads drive at once: one compare-and-set, so exactly one of the
     * threads that reach an object owns it (sizes it, sets its live bits, scans it).
     */
    public boolean markStartAtomic(long obj) {
        int g = (int) (obj >>> GRANULE_SHIFT);
        long bit = 1L << g;
        int word = g >>> 6;
        long w;
        do {
            w = starts[word];
            if ((w & bit) != 0) {
                return false;
            }
        } while (!LONGS.compareAndSet(starts, word, w, w | bit));
        return true;
    }

    /** {@link #setLive} for a parallel mark: two objects of one 512-byte chunk may be marked by two threads. */
    public void setLiveAtomic(long obj, long size) {
        long g = obj >>> GRANULE_SHIFT;
        long end = g + (size >>> GRANULE_SHIFT);
        while (g < end) {
            int bit = (int) g & 63;
            int take = (int) Math.min(64 - bit, end - g);
            long bits = take == 64 ? -1L : ((1L << take) - 1) << bit;
            int word = (int) (g >>> 6);
            long w;
            do {
                w = live[word];
            } while (!LONGS.compareAndSet(live, word, w, w | bits));
            g += take;
        }
    }

    /**
     * Live bytes of each page below {@code end} (exclusive, granule-aligned), added to {@code pageLive}: a popcount
     * per chunk, for a parallel mark whose threads cannot share per-page counters without an atomic add each.
     */
    public void addPageLive(int[] pageLive, long end) {
        int full = (int) (end >>> CHUNK_SHIFT);
        int perPage = 1 << (PAGE_SHIFT - CHUNK_SHIFT);
        for (int c = 0; c < full; c++) {
            long w = live[c];
            if (w != 0) {
                pageLive[c / perPage] += Long.bitCount(w) << GRANULE_SHIFT;
            }
        }
        int rest = (int) ((end >>> GRANULE_SHIFT) & 63);
        if (rest != 0) {
            pageLive[full / perPage] += Long.bitCount(live[full] & ((1L << rest) - 1)) << GRANULE_SHIFT;
        }
    }

    /** The parallel mark's compare-and-set on a word of {@code starts} or {@code live}. */
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    /** Sets the live bits of the granules of [obj, obj + size). */
    public void setLive(long obj, long size) {
        long g = obj >>> GRANULE_SHIFT; // long: above 16 GiB a granule index passes 2^31
        long end = g + (size >>> GRANULE_SHIFT);
        while (g < end) {
            int bit = (int) g & 63;
            int take = (int) Math.min(64 - bit, end - g);
            live[(int) (g >>> 6)] |= take == 64 ? -1L : ((1L << take) - 1) << bit;
            g += take;
        }
    }

    public boolean isStart(long obj) {
        int g = (int) (obj >>> GRANULE_SHIFT);
        return (starts[g >>> 6] & (1L << g)) != 0;
    }

    public boolean isLive(long addr) {
        int g = (int) (addr >>> GRANULE_SHIFT);
        return (live[g >>> 6] & (1L << g)) != 0;
    }

    /** A marked object whose granules are not live: placed by page, never scanned (page-slide's table arrays). */
    public boolean isFlagOnly(long obj) {
        return isStart(obj) && !isLive(obj);
    }

    /** Live granules of chunk {@code c}. */
    public long liveBits(int c) {
        return live[c];
    }

    /** Start bits of chunk {@code c}. */
    public long startBits(int c) {
        return starts[c];
    }

    /** Live bytes of obj's chunk below {@code addr}. */
    public long liveBytesBelow(long addr) {
        int g = (int) (addr >>> GRANULE_SHIFT);
        return (long) Long.bitCount(live[g >>> 6] & ((1L << g) - 1)) << GRANULE_SHIFT;
    }

    /** The first marked object at or after {@code from}, or -1 if none below {@code limit}. */
    public long nextStart(long from, long limit) {
        int g = (int) (from >>> GRANULE_SHIFT);
        int w = g >>> 6;
        int lastWord = (int) Math.min(starts.length - 1, (limit - 1) >>> CHUNK_SHIFT);
        if (w > lastWord) {
            return -1;
        }
        long bits = starts[w] & (-1L << (g & 63));
        while (bits == 0) {
            if (++w > lastWord) {
                return -1;
            }
            bits = starts[w];
        }
        long obj = (((long) w << 6) + Long.numberOfTrailingZeros(bits)) << GRANULE_SHIFT;
        return obj < limit ? obj : -1;
    }

    /** The last marked object starting below {@code before}, or -1. */
    public long prevStart(long before) {
        if (before <= 0) {
            return -1;
        }
        int g = (int) ((before - 1) >>> GRANULE_SHIFT);
        int w = g >>> 6;
        long bits = starts[w] & (-1L >>> (63 - (g & 63)));
        while (bits == 0) {
            if (--w < 0) {
                return -1;
            }
            bits = starts[w];
        }
        return (((long) w << 6) + 63 - Long.numberOfLeadingZeros(bits)) << GRANULE_SHIFT;
    }
}
