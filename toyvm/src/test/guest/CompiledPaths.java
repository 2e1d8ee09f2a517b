/**
 * The compiler tier's shortcuts, each next to a near miss it must not take: allocation inline in compiled code
 * (TLAB bump, then the runtime's slow path on refills and collections), calls bound directly because the method's
 * class is final, and calls left out because the callee does nothing (constructors that only call an empty super
 * constructor), next to constructors and methods that look empty but are not. Run compiled, under collections,
 * and compared with HotSpot.
 */
public class CompiledPaths {
    static int sideEffects;

    static class Base {
        int tag() {
            return 1;
        }
    }

    /** A final class: its tag() is bound directly at every call on a Leaf. */
    static final class Leaf extends Base {
        final Leaf next;
        final int v;

        Leaf(Leaf next, int v) {
            this.next = next;
            this.v = v;
        }

        @Override
        int tag() {
            return 2 + v % 3;
        }
    }

    /** Not final: its subclass overrides tag(), so calls stay virtual. */
    static class Open extends Base {
        @Override
        int tag() {
            return 5;
        }
    }

    static class Sub extends Open {
        @Override
        int tag() {
            return 7;
        }
    }

    /** Does nothing: calls of its constructor can be left out. */
    static class Empty {
        Empty() {
        }
    }

    static class EmptyToo extends Empty {
    }

    /** Look empty, are not. */
    static class CountsInSuper {
        CountsInSuper() {
            sideEffects++;
        }
    }

    static class InheritsCount extends CountsInSuper {
    }

    static class StoresAfterSuper extends Empty {
        int x;

        StoresAfterSuper() {
            super();
            x = 41;
        }
    }

    static class DelegatesWithArgument extends Empty {
        int x;

        DelegatesWithArgument() {
            this(9);
        }

        DelegatesWithArgument(int x) {
            this.x = x;
        }
    }

    static void nothing() {
    }

    static void something() {
        sideEffects += 3;
    }

    private void privateNothing() {
    }

    static long tags(Base[] all) {
        long sum = 0;
        for (Base b : all) {
            sum += b.tag();
        }
        return sum;
    }

    /**
     * Array accesses at the edges, each kind of element: the last index reads, index == length and -1 raise
     * ArrayIndexOutOfBoundsException with HotSpot's message, a null array NullPointerException: 10 exceptions a
     * round, every other access is in bounds.
     */
    static long outOfBounds(int rounds) {
        long sum = 0;
        int[] ints = {1, 2, 3};
        long[] longs = {4, 5};
        byte[] bytes = {6};
        char[] chars = {'a', 'b', 'c', 'd'};
        String[] strings = {"x", "yy"};
        int[] none = null;
        for (int r = 0; r < rounds; r++) {
            for (int i = -1; i <= 4; i++) {
                try {
                    sum += ints[i] + longs[i] + bytes[i] + chars[i] + strings[i].length();
                } catch (ArrayIndexOutOfBoundsException e) {
                    sum += e.getMessage().length();
                }
                try {
                    ints[i] = i;
                    chars[i] = 'z';
                    strings[i] = "zz";
                } catch (ArrayIndexOutOfBoundsException e) {
                    sum += e.getMessage().length() * 3;
                }
                for (int k = 0; k < ints.length; k++) {
                    sum += ints[k] * (long) k + (k < chars.length ? chars[k] : 0);
                }
            }
            try {
                sum += none[r & 1];
            } catch (NullPointerException e) {
                sum++;
            }
        }
        return sum;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        long sum = 0;
        Leaf chain = null;
        for (int i = 0; i < n; i++) {
            chain = new Leaf(i % 64 == 0 ? null : chain, i); // allocation while the chain is held in a local
            sum += chain.tag();
            if (chain.next != null) {
                sum += chain.next.v & 7;
            }
            int[] small = new int[i & 7];
            Object[] refs = new Object[1 + (i & 3)];
            refs[0] = chain;
            if (small.length > 0) {
                small[small.length - 1] = i;
                sum += small[small.length - 1] & 3;
            }
            sum += small.length + refs.length + ((Leaf) refs[0]).v % 5;
            if (i % 1000 == 0) {
                sum += new long[600 + i % 7].length; // over a page: the runtime's path
                try {
                    sum += new byte[i % 3 - 3].length;
                } catch (NegativeArraySizeException e) {
                    sum += e.getMessage().length();
                }
            }
            new Empty();
            new EmptyToo();
            new InheritsCount();
            sum += new StoresAfterSuper().x + new DelegatesWithArgument().x;
            nothing();
            if (i % 100 == 0) {
                something();
            }
        }
        System.out.println("sum " + sum + " sideEffects " + sideEffects);
        System.out.println("out of bounds " + outOfBounds(n / 100));
        Base[] mixed = {new Base(), new Open(), new Sub(), new Leaf(null, 4), new Sub()};
        long t = 0;
        for (int i = 0; i < 1000; i++) {
            t += tags(mixed);
        }
        System.out.println("tags " + t);
        CompiledPaths none = null;
        try {
            none.privateNothing(); // left out or not, a null receiver still throws
            System.out.println("no exception");
        } catch (NullPointerException e) {
            System.out.println("NullPointerException");
        }
    }
}
