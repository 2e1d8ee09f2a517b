package dev.uffdgc.samples;

/**
 * The benchmarks-game binary-trees program: builds and walks many short-lived perfect binary trees while one
 * long-lived tree stays reachable, so nearly all allocation dies young but a live core must survive every
 * collection intact.
 *
 * <p>Usage: {@code BinaryTrees [maxDepth]} (default 14).
 */
public final class BinaryTrees {
    private static final int MIN_DEPTH = 4;

    /** A node of a perfect tree; leaves have both children null. */
    static final class Node {
        final Node left;
        final Node right;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        int check() {
            return left == null ? 1 : 1 + left.check() + right.check();
        }
    }

    static Node bottomUp(int depth) {
        return depth > 0 ? new Node(bottomUp(depth - 1), bottomUp(depth - 1)) : new Node(null, null);
    }

    public static void main(String[] args) {
        int maxDepth = Math.max(MIN_DEPTH + 2, args.length > 0 ? Integer.parseInt(args[0]) : 14);

        int stretchDepth = maxDepth + 1;
        System.out.println("stretch tree of depth " + stretchDepth + "\t check: " + bottomUp(stretchDepth).check());

        Node longLived = bottomUp(maxDepth);
        long total = 0;
        for (int depth = MIN_DEPTH; depth <= maxDepth; depth += 2) {
            int iterations = 1 << (maxDepth - depth + MIN_DEPTH);
            int check = 0;
            for (int i = 0; i < iterations; i++) {
                check += bottomUp(depth).check();
            }
            total += check;
            System.out.println(iterations + "\t trees of depth " + depth + "\t check: " + check);
        }
        System.out.println("long lived tree of depth " + maxDepth + "\t check: " + longLived.check());
        System.out.println("checksum " + total);
    }
}
