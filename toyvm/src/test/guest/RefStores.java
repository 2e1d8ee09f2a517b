import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

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
                    + chmRemove() + varHandleSet() + varHandleSetRelease() + varHandleCas() + varHandleGetAndSet()
                    + varHandleArraySet() + updaterSet() + updaterCas() + atomicArraySet() + weakGet() + softGet();
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

    static final VarHandle PLAIN;
    static final VarHandle VOL;
    static final VarHandle ELEMENTS = MethodHandles.arrayElementVarHandle(Object[].class);
    static final AtomicReferenceFieldUpdater<Box, Object> UPDATER =
            AtomicReferenceFieldUpdater.newUpdater(Box.class, Object.class, "vol");

    static {
        try {
            PLAIN = MethodHandles.lookup().findVarHandle(Box.class, "plain", Object.class);
            VOL = MethodHandles.lookup().findVarHandle(Box.class, "vol", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static int varHandleSet() {
        Box b = new Box();
        PLAIN.set(b, new int[1009]);
        PLAIN.set(b, "next");
        return 1;
    }

    static int varHandleSetRelease() {
        Box b = new Box();
        VOL.setVolatile(b, new int[1010]);
        VOL.setRelease(b, "next");
        return 1;
    }

    static int varHandleCas() {
        Box b = new Box();
        int[] old = new int[1011];
        VOL.set(b, old);
        return VOL.compareAndSet(b, old, "next") ? 1 : 0;
    }

    static int varHandleGetAndSet() {
        Object[] a = {new int[1012]};
        return ((int[]) ELEMENTS.getAndSet(a, 0, "next")).length;
    }

    static int varHandleArraySet() {
        Object[] a = {new int[1013]};
        ELEMENTS.setVolatile(a, 0, "next");
        return a.length;
    }

    static int updaterSet() {
        Box b = new Box();
        b.vol = new int[1014];
        UPDATER.set(b, "next");
        return 1;
    }

    static int updaterCas() {
        Box b = new Box();
        int[] old = new int[1015];
        b.vol = old;
        return UPDATER.compareAndSet(b, old, "next") ? 1 : 0;
    }

    /** Not a store: Reference.get() hands its referent to the same barrier while marking (keep-alive). */
    static int weakGet() {
        java.lang.ref.WeakReference<int[]> w = new java.lang.ref.WeakReference<>(new int[1017]);
        int[] a = w.get();
        return a == null ? 0 : 1;
    }

    /** SoftReference.get() overrides get() and reaches Reference.get() through invokespecial. */
    static int softGet() {
        java.lang.ref.SoftReference<int[]> s = new java.lang.ref.SoftReference<>(new int[1018]);
        int[] a = s.get();
        return a == null ? 0 : 1;
    }

    static int atomicArraySet() {
        AtomicReferenceArray<Object> a = new AtomicReferenceArray<>(1);
        a.set(0, new int[1016]);
        a.set(0, "next");
        return a.length();
    }
}
