import java.util.ArrayList;
import java.util.List;

/**
 * Deep stacks: frames far past the first stack segment (toyvm's first segment holds 1024 slots; later ones
 * double), each holding references in its locals and operand stack while callees allocate, with long and double
 * arguments and results crossing segment boundaries, exceptions thrown deep and caught many segments below, a
 * loop that calls across a boundary again and again, several threads doing the same at once, and a
 * StackOverflowError from frames so large that the stack runs out of slots before it runs out of frames. Run
 * under a collection every few KiB with verification, a reference a frame below a boundary holds that a
 * collection did not update shows as a wrong sum.
 */
public class DeepStacks {
    static final class Node {
        final Node next;
        final int value;
        final int[] payload;

        Node(Node next, int value) {
            this.next = next;
            this.value = value;
            this.payload = new int[1 + (value & 3)];
            payload[0] = value * 7;
        }
    }

    /** Recurses n deep; every frame keeps its own Node in a local across the call and conses on the way back. */
    static Node chain(int n, Node acc, long l, double d) {
        Node mine = new Node(acc, n);
        if (n == 0) {
            return new Node(mine, (int) (l % 1000) + (int) d);
        }
        String label = "f" + n; // a second reference local, allocated before the call
        Node below = chain(n - 1, mine, l + n, d + 0.5);
        return new Node(below, mine.value + label.length() + mine.payload[0] % 3);
    }

    /**
     * Like chain, but each frame's Node is on its operand stack, in the slot right below the callee's arguments,
     * across the call: the last live slot of a segment when that call is the one that crosses into the next.
     */
    static Node stacked(int n, Node acc) {
        if (n == 0) {
            return new Node(acc, 1);
        }
        return link(new Node(acc, n), stacked(n - 1, new Node(null, -n)));
    }

    static Node link(Node a, Node b) {
        return new Node(new Node(b, a.value), a.payload[0] + b.value);
    }

    static long sum(Node n) {
        long s = 0;
        for (; n != null; n = n.next) {
            s = s * 31 + n.value + n.payload.length;
        }
        return s;
    }

    /** Long and double results through every frame. */
    static long longs(int n, long acc) {
        return n == 0 ? acc : longs(n - 1, acc * 3 + n) + 1;
    }

    static double doubles(int n, double acc) {
        return n == 0 ? acc : doubles(n - 1, acc * 0.5 + n) + 0.25;
    }

    static int throwAt(int n, int at, Object keep) {
        Object mine = new int[n % 4 + 1];
        if (n == at) {
            throw new IllegalStateException("thrown at " + n);
        }
        return throwAt(n + 1, at, mine) + ((int[]) mine).length + (keep == null ? 0 : 1);
    }

    static int leaf(Node n, long k) {
        return n.value + (int) (k & 7) + new int[2].length;
    }

    /** Goes d frames deep, then calls leaf 20 times from there: at some d each of those calls crosses a boundary. */
    static long loopAt(int d, Node n) {
        if (d > 0) {
            return loopAt(d - 1, n) + 1;
        }
        long s = 0;
        for (int i = 0; i < 20; i++) {
            s += leaf(n, i);
        }
        return s;
    }

    /** A frame of about 200 slots: 6000 of these need more slots than the stack has. */
    static long wide(long a, long depth) {
        long b0 = a + 1, b1 = a + 2, b2 = a + 3, b3 = a + 4, b4 = a + 5, b5 = a + 6, b6 = a + 7, b7 = a + 8, b8 = a + 9, b9 = a + 10;
        long c0 = b0 * 2, c1 = b1 * 2, c2 = b2 * 2, c3 = b3 * 2, c4 = b4 * 2, c5 = b5 * 2, c6 = b6 * 2, c7 = b7 * 2, c8 = b8 * 2, c9 = b9 * 2;
        long d0 = c0 ^ 3, d1 = c1 ^ 3, d2 = c2 ^ 3, d3 = c3 ^ 3, d4 = c4 ^ 3, d5 = c5 ^ 3, d6 = c6 ^ 3, d7 = c7 ^ 3, d8 = c8 ^ 3, d9 = c9 ^ 3;
        long e0 = d0 + c0, e1 = d1 + c1, e2 = d2 + c2, e3 = d3 + c3, e4 = d4 + c4, e5 = d5 + c5, e6 = d6 + c6, e7 = d7 + c7, e8 = d8 + c8, e9 = d9 + c9;
        long f0 = e0 - b0, f1 = e1 - b1, f2 = e2 - b2, f3 = e3 - b3, f4 = e4 - b4, f5 = e5 - b5, f6 = e6 - b6, f7 = e7 - b7, f8 = e8 - b8, f9 = e9 - b9;
        long g0 = f0 | 1, g1 = f1 | 1, g2 = f2 | 1, g3 = f3 | 1, g4 = f4 | 1, g5 = f5 | 1, g6 = f6 | 1, g7 = f7 | 1, g8 = f8 | 1, g9 = f9 | 1;
        long h0 = g0 & 255, h1 = g1 & 255, h2 = g2 & 255, h3 = g3 & 255, h4 = g4 & 255, h5 = g5 & 255, h6 = g6 & 255, h7 = g7 & 255, h8 = g8 & 255, h9 = g9 & 255;
        long i0 = h0 + 9, i1 = h1 + 9, i2 = h2 + 9, i3 = h3 + 9, i4 = h4 + 9, i5 = h5 + 9, i6 = h6 + 9, i7 = h7 + 9, i8 = h8 + 9, i9 = h9 + 9;
        long j0 = i0 * 5, j1 = i1 * 5, j2 = i2 * 5, j3 = i3 * 5, j4 = i4 * 5, j5 = i5 * 5, j6 = i6 * 5, j7 = i7 * 5, j8 = i8 * 5, j9 = i9 * 5;
        long sum = b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7 + b8 + b9 + c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9
                + d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + d8 + d9 + e0 + e1 + e2 + e3 + e4 + e5 + e6 + e7 + e8 + e9
                + f0 + f1 + f2 + f3 + f4 + f5 + f6 + f7 + f8 + f9 + g0 + g1 + g2 + g3 + g4 + g5 + g6 + g7 + g8 + g9
                + h0 + h1 + h2 + h3 + h4 + h5 + h6 + h7 + h8 + h9 + i0 + i1 + i2 + i3 + i4 + i5 + i6 + i7 + i8 + i9
                + j0 + j1 + j2 + j3 + j4 + j5 + j6 + j7 + j8 + j9;
        return depth <= 0 ? sum : wide(a + 1, depth - 1) + (sum & 1);
    }

    static int soeRecurse(int n) {
        return soeRecurse(n + 1) + 1;
    }

    static String work(int seed) {
        long s = sum(chain(1000 + seed, null, seed, seed * 0.25));
        long t = longs(1500, seed);
        return s + "/" + t;
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        for (int r = 0; r < rounds; r++) {
            System.out.println("chain " + r + ": " + sum(chain(1200 + r * 400, null, r, 1.5)));
        }
        for (int r = 0; r < 2; r++) {
            System.out.println("stacked " + r + ": " + sum(stacked(1500 + r * 300, null)));
        }
        System.out.println("longs " + longs(2500, 1) + " doubles " + doubles(2500, 1.0));
        int caught = 0;
        for (int at = 500; at <= 2000; at += 500) {
            try {
                throwAt(0, at, null);
            } catch (IllegalStateException e) {
                caught++;
                System.out.println(e.getMessage() + "; after it " + sum(chain(200, null, at, 0)));
            }
        }
        long loops = 0;
        Node n = new Node(null, 5);
        for (int d = 0; d < 700; d++) {
            loops += loopAt(d, n);
        }
        System.out.println("caught " + caught + " loops " + loops);

        List<Thread> threads = new ArrayList<>();
        String[] results = new String[8];
        for (int i = 0; i < results.length; i++) {
            final int id = i;
            Thread t = new Thread(() -> results[id] = work(id));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("threads " + String.join(" ", results));

        System.out.println("wide 50: " + wide(1, 50));
        for (int i = 0; i < 2; i++) {
            try {
                wide(1, 1_000_000);
                System.out.println("wide: no StackOverflowError");
            } catch (StackOverflowError e) {
                System.out.println("wide: StackOverflowError, then chain " + sum(chain(100, null, i, 0)));
            }
            try {
                soeRecurse(0);
            } catch (StackOverflowError e) {
                System.out.println("narrow: StackOverflowError, then longs " + longs(1000, i));
            }
        }
    }
}
