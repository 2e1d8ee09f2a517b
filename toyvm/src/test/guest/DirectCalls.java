/**
 * Compiled-to-compiled calls (static, private/constructor, virtual, interface), run with everything compiled
 * so that nearly every call is a direct one. Each kind of call happens while the caller holds references in
 * its locals and on its operand stack and the callee allocates (so a collection runs inside the callee and the
 * caller's refs must be updated), and exceptions leave compiled callees: caught one and three frames up, by a
 * catch-all, through a finally, and a StackOverflowError raised by the frame check of a compiled callee's
 * prologue. The printed values are checked against HotSpot.
 */
public class DirectCalls {
    interface Shape {
        long area(int scale);
    }

    static class Square implements Shape {
        final int side;
        final int[] pad;

        Square(int side) {
            this.side = side;
            this.pad = new int[side & 15];
        }

        public long area(int scale) {
            return (long) side * side * scale + pad.length;
        }

        long perimeter() {
            return 4L * side;
        }
    }

    static final class Rect extends Square {
        final int other;

        Rect(int side, int other) {
            super(side);
            this.other = other;
        }

        @Override
        public long area(int scale) {
            return (long) side * other * scale + pad.length;
        }

        @Override
        long perimeter() {
            return 2L * (side + other);
        }
    }

    static final class Link {
        final Link next;
        final long[] data;

        Link(Link next, int v) {
            this.next = next;
            this.data = new long[1 + (v & 31)];
            data[0] = v;
        }
    }

    /** Allocates a chain (so calls to it collect under GC stress) and returns its head. */
    static Link chain(int n, int seed) {
        Link l = null;
        for (int i = 0; i < n; i++) {
            l = new Link(l, seed + i);
        }
        return l;
    }

    static long sum(Link l) {
        long s = 0;
        for (; l != null; l = l.next) {
            s = s * 7 + l.data[0] + l.data.length;
        }
        return s;
    }

    /** Holds a and b in locals and `a` on the operand stack (as the receiver-to-be of sum) across chain(). */
    static long keep(Link a, Link b, int i) {
        return sum(a) + combine(sum(b), chain(20, i), a) + sum(b);
    }

    static long combine(long x, Link fresh, Link old) {
        return x ^ sum(fresh) ^ sum(old);
    }

    static int depth3(int i) {
        return depth2(i) + 1;
    }

    static int depth2(int i) {
        return depth1(i) + 1;
    }

    static int depth1(int i) {
        chain(3, i);
        if (i % 3 == 0) {
            throw new IllegalArgumentException("deep " + i);
        }
        return i;
    }

    static int catchHere(int i) {
        Link held = chain(2, i);
        try {
            return depth3(i);
        } catch (IllegalArgumentException e) {
            return -e.getMessage().length() - (int) sum(held);
        }
    }

    static int order = 0;

    static int withFinally(int i) {
        try {
            return depth1(i);
        } finally {
            order = order * 3 + 1;
        }
    }

    static int recurse(int n) {
        return n == 0 ? 0 : 1 + recurse(n - 1);
    }

    static synchronized long locked(Shape s, int i) {
        return s.area(i);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Link a = chain(50, 1);
        Link b = chain(30, 2);
        Shape[] shapes = new Shape[8];
        long total = 0;
        int caught = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < shapes.length; k++) {
                shapes[k] = (k & 1) == 0 ? new Square(k + r) : new Rect(k, r);
            }
            total += keep(a, b, r);
            for (int k = 0; k < shapes.length; k++) {
                Shape s = shapes[k];
                total = total * 31 + s.area(r) + ((Square) s).perimeter() + locked(s, k);
            }
            total += catchHere(r);
            try {
                total += withFinally(r);
            } catch (RuntimeException e) {
                caught++;
            }
            try {
                total += depth3(r);
            } catch (Exception e) {
                caught++;
            }
        }
        int overflows = 0;
        for (int i = 0; i < 3; i++) {
            try {
                recurse(1 << 20);
            } catch (StackOverflowError e) {
                overflows++;
            }
        }
        System.out.println("total " + total + " caught " + caught + " order " + order + " overflows " + overflows
                + " recurse " + recurse(100) + " a " + sum(a) + " b " + sum(b));
    }
}
