/**
 * The mutation that loses objects under a concurrent mark with a missing barrier: guest threads swap subtrees
 * of one large shared tree — a subtree is loaded into a local, its only reference overwritten, then stored
 * elsewhere — so a marker that already scanned the new parent and never sees the old one misses the whole
 * subtree. Each thread mutates only its own quarter of the tree (the children of the root's children are the
 * threads' roots), so the result does not depend on the interleaving; every round also replaces a small
 * subtree by a fresh one (allocation, so cycles run back to back under a small heap). Printed: per thread, the
 * order-sensitive checksum of its quarter, then the whole tree's.
 *
 * <p>Arguments: rounds per thread (default 2000), threads (default 4), depth of the tree (default 13).
 */
public class SubtreeSwapStress {
    static final class Node {
        Node left;
        Node right;
        final int value;

        Node(Node left, Node right, int value) {
            this.left = left;
            this.right = right;
            this.value = value;
        }
    }

    static Node tree(int depth, int value) {
        return depth == 0 ? new Node(null, null, value)
                : new Node(tree(depth - 1, 2 * value + 1), tree(depth - 1, 2 * value + 2), value);
    }

    /** Order-sensitive: a swap of two different subtrees changes it. */
    static long check(Node n) {
        long h = 17;
        while (n != null) {
            h = h * 31 + n.value + 7 * check(n.left);
            n = n.right;
        }
        return h;
    }

    /**
     * The node exactly {@code depth} below {@code from} along the bits of {@code path}, or null if the path ends
     * earlier (two nodes at one depth are then never ancestor and descendant: a swap cannot make a cycle).
     */
    static Node walk(Node from, int depth, int path) {
        Node n = from;
        for (int i = 0; i < depth; i++) {
            if (n.left == null || n.right == null) {
                return null;
            }
            n = (path >>> i & 1) == 0 ? n.left : n.right;
        }
        return n;
    }

    static void mutate(Node root, int depth, int rounds, int seed) {
        int s = seed;
        for (int i = 0; i < rounds; i++) {
            s = s * 1103515245 + 12345;
            int d = 1 + ((s >>> 16) & 0x7fff) % (depth - 2);
            s = s * 1103515245 + 12345;
            int p = s >>> 8;
            s = s * 1103515245 + 12345;
            int q = s >>> 8;
            Node a = walk(root, d, p);
            Node b = walk(root, d, q);
            if (a == null || b == null) {
                continue;
            }
            if (a != b && a.left != null && b.right != null) {
                // Same depth, different paths: disjoint subtrees, so the swap keeps a tree.
                Node x = a.left;
                Node y = b.right;
                a.left = null; // x is now referenced only by the local
                b.right = x;
                a.left = y;
            }
            if (a.right != null && a.right.left == null) {
                a.right = new Node(null, null, i); // garbage: the old leaf
            } else if (i % 4 == 0) {
                Node fresh = tree(3, i);
                Node old = b.left;
                b.left = fresh;
                if (old != null && fresh.left != null) {
                    fresh.left.left = old.left; // a piece of the old subtree moves under the new one
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int depth = args.length > 2 ? Integer.parseInt(args[2]) : 13;
        Node[] quarters = new Node[threads];
        Node root = new Node(null, null, -1);
        for (int t = 0; t < threads; t++) {
            quarters[t] = tree(depth, t);
        }
        // One shared structure: the threads' subtrees hang off a spine from one root.
        Node spine = root;
        for (int t = 0; t < threads; t++) {
            spine.left = quarters[t];
            if (t + 1 < threads) {
                spine.right = new Node(null, null, -2 - t);
                spine = spine.right;
            }
        }
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            ts[t] = new Thread(() -> mutate(quarters[id], depth, rounds, 31 * id + 7));
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        for (int t = 0; t < threads; t++) {
            System.out.println("thread " + t + " check " + check(quarters[t]));
        }
        System.out.println("tree check " + check(root));
    }
}
