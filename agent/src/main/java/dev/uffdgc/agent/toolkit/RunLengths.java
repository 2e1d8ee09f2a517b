package dev.uffdgc.agent.toolkit;

import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram of the ioctls that mapped pages, by run length (pages the one ioctl mapped), in the buckets where
 * the kernel's cost per page changes (bench kernel, C, 16,384 pages, issue 11): 1 page (MOVE 5-8 µs/page alone,
 * 29-31 with a busy sibling thread: the TLB-flush IPI is paid per page), 2-15, 16-63 (MOVE 2.8-5.2 µs/page),
 * 64-511 (0.33-0.9) and 512+ (0.20-0.29, a whole PMD's worth). Per bucket: ioctls, pages and the ioctls' own
 * time, so that the time per page of the runs actually issued can be read beside the C floor of the same length.
 * Updated by every thread that maps pages; read after the cycle.
 */
public final class RunLengths {
    /** The smallest run length of each bucket, and the buckets' names in logs and CSV columns. */
    public static final int[] LOW = {1, 2, 16, 64, 512};
    public static final String[] NAMES = {"1", "2-15", "16-63", "64-511", "512+"};
    /** The run length of each bucket's C floor row in bench kernel (move_N / copy_N), 0: none of that length. */
    public static final int[] FLOOR_ROW = {1, 0, 16, 64, 512};

    private final LongAdder[] ioctls = adders();
    private final LongAdder[] pages = adders();
    private final LongAdder[] nanos = adders();

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[LOW.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /** The bucket of a run of {@code pages} pages (at least 1). */
    public static int bucket(long pages) {
        int b = LOW.length - 1;
        while (b > 0 && pages < LOW[b]) {
            b--;
        }
        return b;
    }

    /** One ioctl that mapped {@code n} pages (n > 0) in {@code ioctlNanos}. */
    public void record(long n, long ioctlNanos) {
        int b = bucket(n);
        ioctls[b].increment();
        pages[b].add(n);
        nanos[b].add(ioctlNanos);
    }

    public long ioctls(int bucket) {
        return ioctls[bucket].sum();
    }

    public long pages(int bucket) {
        return pages[bucket].sum();
    }

    public long nanos(int bucket) {
        return nanos[bucket].sum();
    }

    public long ioctls() {
        long n = 0;
        for (int b = 0; b < LOW.length; b++) {
            n += ioctls(b);
        }
        return n;
    }

    public long pages() {
        long n = 0;
        for (int b = 0; b < LOW.length; b++) {
            n += pages(b);
        }
        return n;
    }

    /** Adds {@code other}'s counts into this one (summing cycles). */
    public void add(RunLengths other) {
        for (int b = 0; b < LOW.length; b++) {
            ioctls[b].add(other.ioctls(b));
            pages[b].add(other.pages(b));
            nanos[b].add(other.nanos(b));
        }
    }

    /** "1:3 16-63:40 512+:2" — ioctls per bucket, the empty buckets left out ("none" if all are). */
    public String histogram() {
        StringBuilder s = new StringBuilder();
        for (int b = 0; b < LOW.length; b++) {
            if (ioctls(b) > 0) {
                s.append(s.isEmpty() ? "" : " ").append(NAMES[b]).append(':').append(ioctls(b));
            }
        }
        return s.isEmpty() ? "none" : s.toString();
    }
}
