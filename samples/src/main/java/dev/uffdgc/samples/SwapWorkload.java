package dev.uffdgc.samples;

/**
 * The workload of the swap experiment (issue 6): hot small objects interleaved with cold large arrays.
 *
 * <p>For each of {@code arrays} rounds it allocates a list of {@code hotPerArray} small nodes (the hot part)
 * and one long[] of {@code arrayLongs} plus 0-511 elements (the cold part: large, page-aligned, sizes not a
 * multiple of the page), writing one value per 4 KiB page so every page is populated and not all zero. Then:
 * {@code System.gc()} (the experiment settles the heap), {@code garbagePercent}% of the arrays and of the hot
 * lists become garbage, {@code System.gc()} (the experiment pushes the cold pages to swap before this one and
 * measures it), and finally every survivor is read back and checked. Runs on HotSpot too.
 *
 * <p>Usage: {@code SwapWorkload arrays hotPerArray arrayLongs garbagePercent [seed]}.
 */
public final class SwapWorkload {
    private static final int LONGS_PER_PAGE = 512;

    static final class Node {
        long value;
        int id;
        Node next;
    }

    public static void main(String[] args) {
        int arrays = Integer.parseInt(args[0]);
        int hotPerArray = Integer.parseInt(args[1]);
        int arrayLongs = Integer.parseInt(args[2]);
        int garbagePercent = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 7;
        Rng rng = new Rng(seed);
        long[][] cold = new long[arrays][];
        Node[] hot = new Node[arrays];
        for (int i = 0; i < arrays; i++) {
            hot[i] = hotList(rng, hotPerArray);
            cold[i] = coldArray(i, arrayLongs + rng.nextInt(LONGS_PER_PAGE));
        }
        System.gc();
        int deadArrays = 0;
        int deadLists = 0;
        for (int i = 0; i < arrays; i++) {
            if (rng.nextInt(100) < garbagePercent) {
                cold[i] = null;
                deadArrays++;
            }
            if (rng.nextInt(100) < garbagePercent) {
                hot[i] = null;
                deadLists++;
            }
        }
        System.gc();
        long sum = 0;
        int bad = 0;
        for (int i = 0; i < arrays; i++) {
            for (Node n = hot[i]; n != null; n = n.next) {
                sum = sum * 31 + n.value + n.id;
            }
            long[] a = cold[i];
            if (a != null) {
                for (int j = 0; j < a.length; j += LONGS_PER_PAGE) {
                    bad += a[j] == mix(i, j) ? 0 : 1;
                    sum = sum * 31 + a[j];
                }
                bad += a[a.length - 1] == mix(i, a.length - 1) ? 0 : 1;
                sum += a.length;
            }
        }
        System.out.println("arrays " + arrays + " dead " + deadArrays + " hot lists dead " + deadLists
                + " checksum " + Long.toHexString(sum) + " bad " + bad);
        if (bad != 0) {
            System.exit(1);
        }
    }

    private static Node hotList(Rng rng, int n) {
        Node head = null;
        for (int k = 0; k < n; k++) {
            Node node = new Node();
            node.value = rng.nextLong();
            node.id = k;
            node.next = head;
            head = node;
        }
        return head;
    }

    private static long[] coldArray(int i, int len) {
        long[] a = new long[len];
        for (int j = 0; j < len; j += LONGS_PER_PAGE) {
            a[j] = mix(i, j);
        }
        a[len - 1] = mix(i, len - 1);
        return a;
    }

    /** A non-zero value per (array, index): zero-filled pages would not exercise swap I/O. */
    static long mix(int i, int j) {
        long x = (long) i * 0x9E3779B97F4A7C15L + j * 0xBF58476D1CE4E5B9L + 1;
        x ^= x >>> 31;
        return x == 0 ? 1 : x;
    }
}
