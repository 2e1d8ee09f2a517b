package dev.uffdgc.samples;

/**
 * The pause benchmark's load (`./uffd-gc bench pause`): a live set of a given size that stays constant while
 * guest threads keep replacing parts of it, so every collection finds about the same amount of live data and
 * must compact around the holes the replaced parts leave.
 *
 * <p>Each thread owns a forest of perfect binary trees of {@value #DEPTH} levels (1023 nodes, about 24 KiB on
 * HotSpot with compressed oops and on toyvm). Forests add up to {@code liveMiB}. Then each thread replaces
 * randomly chosen trees of its forest with fresh ones (its own seeded generator, so the work is the same on
 * every VM and in every schedule) until it has allocated {@code churn} times its share of the live set, and
 * folds the values of every tree it drops, and of the final forest, into a checksum. Output: one line per
 * thread, in thread order, then the total — identical on HotSpot and on toyvm under any collector.
 *
 * <p>Usage: {@code LiveSetChurn <liveMiB> <threads> <churn>} (e.g. 8 2 30).
 */
public final class LiveSetChurn {
    static final int DEPTH = 10;
    /** Bytes per node: 12 (HotSpot) or 8 (toyvm) header bytes, two references and an int, 8-aligned. */
    static final int NODE_BYTES = 24;
    static final int TREE_NODES = (1 << DEPTH) - 1;

    static final class Node {
        Node left;
        Node right;
        int value;
    }

    private LiveSetChurn() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: LiveSetChurn <liveMiB> <threads> <churn>");
            System.exit(2);
        }
        int liveMiB = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int churn = Integer.parseInt(args[2]);
        long trees = Math.max(threads, (long) liveMiB * (1 << 20) / ((long) TREE_NODES * NODE_BYTES));
        int perThread = (int) (trees / threads);
        long replacements = (long) churn * perThread;
        long[] sums = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> sums[id] = work(id, perThread, replacements), "churn-" + t);
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            System.out.println("thread " + t + ": " + perThread + " trees, " + replacements + " replaced, checksum "
                    + sums[t]);
            total += sums[t];
        }
        System.out.println("total checksum " + total);
    }

    static long work(int id, int trees, long replacements) {
        int[] seed = {0x9E3779B9 * (id + 1)};
        Node[] forest = new Node[trees];
        for (int i = 0; i < trees; i++) {
            forest[i] = build(DEPTH, seed);
        }
        long sum = 0;
        for (long r = 0; r < replacements; r++) {
            int i = (int) ((next(seed) & 0x7FFFFFFFL) % trees);
            sum += fold(forest[i]);
            forest[i] = build(DEPTH, seed);
        }
        for (Node n : forest) {
            sum += fold(n);
        }
        return sum;
    }

    static Node build(int depth, int[] seed) {
        Node n = new Node();
        n.value = next(seed);
        if (depth > 1) {
            n.left = build(depth - 1, seed);
            n.right = build(depth - 1, seed);
        }
        return n;
    }

    /** A position-sensitive fold, so a node that moved to a wrong place in its tree changes the result. */
    static long fold(Node n) {
        if (n == null) {
            return 7;
        }
        return 31 * fold(n.left) + 17 * fold(n.right) + n.value;
    }

    /** xorshift32: the same sequence on every VM. */
    static int next(int[] seed) {
        int x = seed[0];
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        seed[0] = x;
        return x;
    }
}
