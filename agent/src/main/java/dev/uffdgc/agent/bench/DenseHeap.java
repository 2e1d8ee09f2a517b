package dev.uffdgc.agent.bench;

/**
 * A guest program (run on toyvm) whose heap stays dense: a large live set of small objects and arrays, of which
 * a few percent are replaced between forced collections. Most pages are nearly all live, the case where MOVE's
 * in-place recycling should beat COPY's copy into a buffer. Prints a checksum so runs can be compared.
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

    public static void main(String[] args) {
        int live = args.length > 0 ? Integer.parseInt(args[0]) : 40000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int churnPercent = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Node[] nodes = new Node[live];
        for (int i = 0; i < live; i++) {
            nodes[i] = new Node(i);
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
        System.out.println("dense " + live + " " + rounds + " " + sum);
    }
}
