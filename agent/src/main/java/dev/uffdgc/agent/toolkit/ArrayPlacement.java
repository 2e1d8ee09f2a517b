package dev.uffdgc.agent.toolkit;

import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static dev.uffdgc.toyvm.heap.ObjectLayout.pageAlign;

import dev.uffdgc.toyvm.gc.toolkit.Forwarding;
import dev.uffdgc.toyvm.gc.toolkit.Tracer;
import java.util.Arrays;

/**
 * What page-slide and the concurrent compactor add to the toolkit's marking and forwarding: the table arrays
 * ({@link LargeArrays}). One marking thread drives {@link #reset} and the hook; the plan calls {@link #place};
 * {@link #destination} is then read-only (any thread, until {@link #updateTable}).
 *
 * <p>Mark: a table array is marked by flag only — its start bit and a live flag here, sized from the table and
 * never pushed (it holds no references), so none of its pages is read.
 *
 * <p>Plan: a table array goes to the next page boundary, so its delta is a multiple of the page size and its
 * pages move whole; when it moves and its last page is not padded yet, the plan pads it (the next object starts
 * on a fresh page), so that from the next cycle on the array moves without its last page being read either —
 * if the collector pads ({@link #ArrayPlacement(LargeArrays, boolean)}). Padding costs up to a page per array:
 * page-slide pads, the concurrent compactor does not (with padding, Json ran out of memory at -Xmx640k under it,
 * AgentDifferentialTest, where the built-in collector and main's agent fit); there an array keeps its padding
 * only where it does not move, and its last partial page is built each cycle.
 */
public final class ArrayPlacement implements Tracer.Hook, Forwarding.PagePlaced {
    private final LargeArrays table;
    private boolean[] live = new boolean[64];
    private long[] dest = new long[64];
    private boolean[] paddedNow = new boolean[64];
    private long liveBytes;
    private final boolean pad;
    /** Young table arrays below this are learned as the mark reaches them (0: none, see learnBelow). */
    private long learnLimit;

    /** Page-slide's placement: pads an array that moves. */
    public ArrayPlacement(LargeArrays table) {
        this(table, true);
    }

    /** {@code pad}: whether an array that moves is padded to its last page's end (see the class comment). */
    public ArrayPlacement(LargeArrays table, boolean pad) {
        this.table = table;
        this.pad = pad;
    }

    /**
     * Before marking: no table array is live yet, and each one stays where it is with its padding unless the plan
     * places it (a dense prefix keeps what lies in it).
     */
    public void reset() {
        int n = table.count();
        learnLimit = 0;
        grow(n);
        Arrays.fill(live, 0, n, false);
        for (int i = 0; i < n; i++) {
            dest[i] = table.start(i);
            paddedNow[i] = table.padded(i);
        }
        liveBytes = 0;
    }

    /**
     * From now until the next {@link #reset}, the mark learns the young table arrays it reaches below {@code
     * limit} ({@link LargeArrays#learn}) instead of the caller parsing the young heap first ({@link
     * LargeArrays#scanYoung}); 0: off.
     */
    public void learnBelow(long limit) {
        learnLimit = limit;
    }

    @Override
    public boolean flagOnly(long obj) {
        int i = table.lookup(obj);
        if (i < 0 && learnLimit > 0) {
            i = table.learn(obj, learnLimit);
            if (i >= 0) {
                grow(i + 1);
                dest[i] = table.start(i);
                paddedNow[i] = table.padded(i);
            }
        }
        if (i < 0) {
            return false;
        }
        live[i] = true;
        liveBytes += table.size(i);
        return true;
    }

    private void grow(int n) {
        if (live.length < n) {
            int len = Math.max(n, live.length * 2);
            live = Arrays.copyOf(live, len);
            dest = Arrays.copyOf(dest, len);
            paddedNow = Arrays.copyOf(paddedNow, len);
        }
    }

    @Override
    public long size(long obj) {
        return table.size(table.lookup(obj));
    }

    @Override
    public long place(long obj, long to, long size) {
        int i = table.lookup(obj);
        dest[i] = to;
        long whole = pageAlign(size);
        boolean padded = pad && (table.padded(i) || (obj - to >= PAGE_SIZE && size != whole));
        paddedNow[i] = padded;
        return padded ? whole : size;
    }

    @Override
    public long destination(long obj) {
        return dest[table.lookup(obj)];
    }

    /** Whether table array {@code i} was marked live since {@link #reset}. */
    public boolean live(int i) {
        return live[i];
    }

    /** Bytes of the table arrays marked live since {@link #reset}. */
    public long liveBytes() {
        return liveBytes;
    }

    public LargeArrays table() {
        return table;
    }

    public int index(long obj) {
        return table.lookup(obj);
    }

    public boolean paddedNow(int i) {
        return paddedNow[i];
    }

    public int liveCount() {
        int n = 0;
        for (int i = 0; i < table.count(); i++) {
            n += live[i] ? 1 : 0;
        }
        return n;
    }

    /** After the cycle: the table keeps the survivors at their new addresses. */
    public void updateTable(long newTop) {
        table.afterCycle(live, dest, paddedNow, newTop);
    }
}
