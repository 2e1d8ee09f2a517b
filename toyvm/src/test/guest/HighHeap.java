import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects above 4 GiB: a dead array of args[0] MiB (never touched: only its header is written) pushes everything
 * allocated after it up the heap, so references, field accesses, marking and forwarding all meet offsets beyond
 * 32 bits until a collection slides the survivors down. The output does not depend on args[0].
 */
public class HighHeap {
    static final class Node {
        final Node left;
        final Node right;
        final long value;

        Node(Node left, Node right, long value) {
            this.left = left;
            this.right = right;
            this.value = value;
        }
    }

    static Node tree(int depth, long value) {
        return depth == 0 ? new Node(null, null, value) : new Node(tree(depth - 1, 2 * value), tree(depth - 1, 2 * value + 1), value);
    }

    static long sum(Node n) {
        return n == null ? 0 : n.value + sum(n.left) + sum(n.right);
    }

    public static void main(String[] args) {
        long[] pad = new long[Integer.parseInt(args[0]) * 131072]; // MiB of longs
        pad = null;
        Map<String, List<Integer>> map = new HashMap<>();
        Node tree = tree(12, 1);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10_000; i++) {
                map.computeIfAbsent("k" + (i % 997), k -> new ArrayList<>()).add(i * (round + 1));
            }
            System.gc();
            tree = new Node(tree, tree(10, round), round);
            long total = 0;
            for (List<Integer> l : map.values()) {
                total += l.size() + l.get(l.size() - 1);
            }
            System.out.println("round " + round + " keys " + map.size() + " total " + total + " tree " + sum(tree));
        }
        System.out.println(pad == null ? "done" : "pad kept");
    }
}
