package dev.uffdgc.agent.bench;

/**
 * A guest program (run on toyvm) whose heap stays dense: a large live set of small objects and arrays, of which
 * a few percent are replaced between forced collections. Most pages are nearly all live, the case where MOVE's
 * in-place recycling should beat COPY's copy into a buffer. Prints a checksum so runs can be compared.
 * A fourth argument {@code threads} > 1 starts threads - 1 readers that walk the live set until the churn ends:
 * mutators running on the other CPU while a cycle compacts (they meet unbuilt pages, and every MOVE's TLB flush
 * must reach their CPU). They print nothing, so the output does not depend on them.
 */
public final class DenseHeap {
    private DenseHeap() {
    }

    static final class Node {
        final int id;
        final int[] payload;
        Node next;

        Node(int id) {
            this.id = id;
            this.payload = new int[6 + id % 8];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = id * 31 + i;
            }
        }
    }

    private static volatile boolean done;
    /** What the readers summed; read once at the end so their loads are not dead code. */
    private static volatile long readSum;

    public static void main(String[] args) throws InterruptedException {
        int live = args.length > 0 ? Integer.parseInt(args[0]) : 40000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int churnPercent = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Node[] nodes = new Node[live];
        for (int i = 0; i < live; i++) {
            nodes[i] = new Node(i);
        }
        Thread[] readers = new Thread[Math.max(0, threads - 1)];
        for (int t = 0; t < readers.length; t++) {
            int start = t;
            readers[t] = new Thread(() -> {
                long s = 0;
                while (!done) {
                    for (int i = start; i < nodes.length && !done; i += 7) {
                        Node n = nodes[i];
                        s += n.payload[n.payload.length - 1];
                    }
                }
                readSum += s;
            });
            readers[t].start();
        }
        long seed = 42;
        long sum = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < live * churnPercent / 100; k++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int at = (int) ((seed >>> 33) % live);
                nodes[at] = new Node(at + r);
            }
            System.gc();
            for (int i = 0; i < live; i += 97) {
                sum += nodes[i].payload[nodes[i].payload.length - 1];
            }
        }
        done = true;
        for (Thread r : readers) {
            r.join();
        }
        System.out.println("dense " + live + " " + rounds + " " + sum);
    }
}
