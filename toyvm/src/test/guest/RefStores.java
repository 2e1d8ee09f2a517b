import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One overwrite of a reference through each store path toyvm has: the value overwritten is an int[] whose length
 * names the path, so a test that watches the reference-store barrier can tell which path reported it
 * (ReferenceStoreBarrierTest). Each path runs in its own method, many times, so that -Xcomp compiles it.
 */
public class RefStores {
    static final class Box {
        Object plain;
        volatile Object vol;
    }

    public static void main(String[] args) {
        long sum = 0;
        for (int round = 0; round < 3; round++) {
            sum += putfield() + aastore() + volatilePut() + arraycopy() + arraycopyChecked() + cas() + getAndSet()
                    + chmRemove();
        }
        System.out.println("RefStores " + sum);
    }

    static int putfield() {
        Box b = new Box();
        b.plain = new int[1001];
        b.plain = "next";
        return ((String) b.plain).length();
    }

    static int aastore() {
        Object[] a = new Object[2];
        a[1] = new int[1002];
        a[1] = "next";
        return a.length;
    }

    static int volatilePut() {
        Box b = new Box();
        b.vol = new int[1003];
        b.vol = "next";
        return 1;
    }

    static int arraycopy() {
        Object[] src = {"a", "b"};
        Object[] dst = {new int[1004], null};
        System.arraycopy(src, 0, dst, 0, 2);
        return dst.length;
    }

    /** Object[] into int[][]: the element-checked path. */
    static int arraycopyChecked() {
        Object[] src = {new int[1]};
        int[][] dst = {new int[1005]};
        System.arraycopy(src, 0, dst, 0, 1);
        return dst[0].length;
    }

    static int cas() {
        int[] old = new int[1006];
        AtomicReference<Object> r = new AtomicReference<>(old);
        return r.compareAndSet(old, "next") ? 1 : 0;
    }

    static int getAndSet() {
        AtomicReference<Object> r = new AtomicReference<>(new int[1007]);
        return ((int[]) r.getAndSet("next")).length;
    }

    /** ConcurrentHashMap's setTabAt (Unsafe.putReferenceRelease -> putReferenceVolatile) when a bin empties. */
    static int chmRemove() {
        ConcurrentHashMap<Integer, Object> m = new ConcurrentHashMap<>();
        m.put(1, new int[1008]);
        m.put(17, "x"); // the same bin of 16: the head node is then replaced by its successor on remove
        m.remove(1);
        return m.size();
    }
}
