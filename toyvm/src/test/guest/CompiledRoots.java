/**
 * References held by compiled frames across collections: locals, operand-stack temporaries under an
 * allocation (the outer constructor's arguments while the inner one allocates), array elements, exceptions
 * caught in compiled handlers and a synchronized loop. Run under a collection every few KiB, every reference a
 * compiled frame holds must be updated when objects move; the sums printed are checked against HotSpot.
 */
public class CompiledRoots {
    static final class Node {
        final Node left;
        final Node right;
        final int value;
        final long[] payload;

        Node(Node left, Node right, int value) {
            this.left = left;
            this.right = right;
            this.value = value;
            this.payload = new long[1 + (value & 7)];
            payload[0] = value * 31L;
        }
    }

    static Node build(int depth, int seed) {
        if (depth == 0) {
            return new Node(null, null, seed);
        }
        // Both subtrees are on the operand stack (compiled: refs slots) while the Node allocation collects.
        return new Node(build(depth - 1, seed * 2), build(depth - 1, seed * 2 + 1), seed);
    }

    static long check(Node n) {
        if (n == null) {
            return 0;
        }
        return n.value + n.payload[0] + n.payload.length + check(n.left) - check(n.right);
    }

    static int mayThrow(int i, Object[] keep) {
        Object o = new int[i % 5];
        keep[i % keep.length] = o;
        if (i % 7 == 0) {
            throw new IllegalStateException("i=" + i);
        }
        return ((int[]) o).length;
    }

    static synchronized long locked(long acc, String s) {
        return acc * 31 + s.hashCode();
    }

    public static void main(String[] args) {
        Node keep = build(8, 1);
        long total = 0;
        Object[] arr = new Object[64];
        int caught = 0;
        for (int round = 0; round < 40; round++) {
            Node t = build(6, round);
            total += check(t) + check(keep);
            for (int i = 0; i < 200; i++) {
                try {
                    total += mayThrow(i + round, arr);
                } catch (IllegalStateException e) {
                    caught++;
                    total += e.getMessage().length();
                }
            }
            total = locked(total, "round " + round);
        }
        int nonNull = 0;
        for (Object o : arr) {
            if (o != null) {
                nonNull++;
            }
        }
        System.out.println("total " + total + " caught " + caught + " kept " + check(keep) + " arr " + nonNull);
    }
}
