/**
 * Interface call sites through the polymorphic inline cache (interp.InterfaceSite), each with the receivers that
 * exercise one of its states: one class and then another (the receiver class changes at a monomorphic site), two
 * classes alternating, six classes in turn (more than the cache holds: megamorphic), and a default method some
 * classes override. JitTest counts each site's cache misses; the sums show a wrong target.
 */
public class InterfaceSites {
    interface Shape {
        int area();

        default int scaled(int k) {
            return k * area();
        }
    }

    static final class Sq implements Shape {
        final int s;

        Sq(int s) {
            this.s = s;
        }

        public int area() {
            return s * s;
        }
    }

    static final class Rect implements Shape {
        final int w;
        final int h;

        Rect(int w, int h) {
            this.w = w;
            this.h = h;
        }

        public int area() {
            return w * h;
        }

        @Override
        public int scaled(int k) {
            return k * area() + 1;
        }
    }

    static final class Tri implements Shape {
        public int area() {
            return 3;
        }
    }

    static class Circle implements Shape {
        public int area() {
            return 31;
        }
    }

    /** Inherits area() from Circle: the target comes from a superclass. */
    static final class Ring extends Circle {
        @Override
        public int scaled(int k) {
            return -k;
        }
    }

    static final class Hex implements Shape {
        public int area() {
            return 6;
        }
    }

    static long mono(Shape s) {
        return s.area();
    }

    static long poly(Shape s) {
        return s.area();
    }

    static long mega(Shape s) {
        return s.area();
    }

    static long scaled(Shape s, int k) {
        return s.scaled(k);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Shape[] all = {new Sq(3), new Rect(2, 5), new Tri(), new Circle(), new Ring(), new Hex()};
        long first = 0;
        long then = 0;
        for (int i = 0; i < n; i++) {
            first += mono(all[0]);
        }
        for (int i = 0; i < n; i++) {
            then += mono(all[1]);
        }
        System.out.println("monomorphic, then another class: " + first + " " + then);
        long two = 0;
        for (int i = 0; i < n; i++) {
            two += poly(all[i & 1]);
        }
        System.out.println("two classes alternating: " + two);
        long six = 0;
        for (int i = 0; i < 6 * n; i++) {
            six += mega(all[i % 6]) * (i % 6 + 1);
        }
        System.out.println("six classes in turn: " + six);
        long defaults = 0;
        for (int i = 0; i < 6 * n; i++) {
            defaults += scaled(all[i % 6], i % 7);
        }
        System.out.println("default method, overridden by two: " + defaults);
    }
}
