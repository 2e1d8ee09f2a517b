/** Allocation-heavy work (binary trees, churn of arrays and strings) that forces many collections in a small heap. */
public class Allocation {
    static final class Node {
        final Node left;
        final Node right;
        final int value;

        Node(Node left, Node right, int value) {
            this.left = left;
            this.right = right;
            this.value = value;
        }

        int check() {
            return left == null ? value : value + left.check() - right.check();
        }
    }

    static Node tree(int depth, int value) {
        return depth == 0 ? new Node(null, null, value) : new Node(tree(depth - 1, 2 * value - 1), tree(depth - 1, 2 * value), value);
    }

    public static void main(String[] args) {
        Node longLived = tree(12, 1);
        long total = 0;
        for (int round = 0; round < 30; round++) {
            for (int i = 0; i < 20; i++) {
                total += tree(8, i).check();
            }
        }
        System.out.println("trees " + total + " long-lived " + longLived.check());
        Object[] keep = new Object[64];
        long seed = 42;
        long sum = 0;
        for (int i = 0; i < 20000; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int size = 1 + (int) ((seed >>> 33) % 3000);
            int slot = (int) ((seed >>> 20) & 63);
            if ((i & 1) == 0) {
                int[] a = new int[size];
                a[size / 2] = i;
                keep[slot] = a;
            } else {
                keep[slot] = "s" + i + "-" + size;
            }
            Object o = keep[(slot * 7) & 63];
            if (o instanceof int[] arr) {
                sum += arr.length + arr[arr.length / 2];
            } else if (o instanceof String s) {
                sum += s.length();
            }
        }
        System.out.println("churn " + sum);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(i % 10);
            if (sb.length() > 500) {
                sb = new StringBuilder(sb.substring(250));
            }
        }
        System.out.println("sb " + sb.length() + " " + sb.toString().hashCode());
        byte[] big = new byte[100_000];
        big[99_999] = 7;
        System.out.println("big " + big.length + " " + big[99_999] + " " + longLived.value);
    }
}
