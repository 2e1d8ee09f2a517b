// A faithful re-implementation of GCBench (John Ellis and Pete Kovac, modified by Hans Boehm; the original
// Java version at hboehm.info/gc/gc_bench carries no license, so this is written anew from its description):
// build a long-lived tree and array, then bottom-up and top-down trees of depths 4..N, counting nodes.
public class GcBench {
    static final class Node {
        Node left, right;
        int i, j;
        Node(Node l, Node r) { left = l; right = r; }
        Node() { }
    }
    static int treeSize(int i) { return (1 << (i + 1)) - 1; }
    static int numIters(int i, int stretch) { return 2 * treeSize(stretch) / treeSize(i); }
    static void populate(int depth, Node n) {
        if (depth <= 0) return;
        depth--;
        n.left = new Node();
        n.right = new Node();
        populate(depth, n.left);
        populate(depth, n.right);
    }
    static Node makeTree(int depth) {
        return depth <= 0 ? new Node() : new Node(makeTree(depth - 1), makeTree(depth - 1));
    }
    static int count(Node n) { return n == null ? 0 : 1 + count(n.left) + count(n.right); }
    public static void main(String[] args) {
        int stretch = args.length > 0 ? Integer.parseInt(args[0]) : 14;
        int longLived = stretch - 2;
        int arraySize = 50000;
        int minDepth = 4;
        System.out.println("Garbage Collector Test");
        System.out.println(" Stretching memory with a binary tree of depth " + stretch);
        Node temp = makeTree(stretch);
        System.out.println(" stretch tree nodes " + count(temp));
        temp = null;
        System.out.println(" Creating a long-lived binary tree of depth " + longLived);
        Node longLivedTree = new Node();
        populate(longLived, longLivedTree);
        System.out.println(" Creating a long-lived array of " + arraySize + " doubles");
        double[] array = new double[arraySize];
        for (int i = 0; i < arraySize / 2; i++) array[i] = 1.0 / i;
        for (int d = minDepth; d <= stretch - 2; d += 2) {
            int iters = numIters(d, stretch);
            long nodes = 0;
            for (int i = 0; i < iters; i++) {
                Node t = new Node();
                populate(d, t);
                nodes += count(t);
            }
            for (int i = 0; i < iters; i++) nodes += count(makeTree(d));
            System.out.println("Creating " + iters + " trees of depth " + d + ": " + nodes + " nodes");
        }
        if (longLivedTree == null || array[1000] != 1.0 / 1000) System.out.println("Failed");
        System.out.println("long-lived nodes " + count(longLivedTree) + ", array[1000] " + array[1000]);
    }
}
