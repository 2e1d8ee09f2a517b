import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A program's own VarHandles, the way lock-free code writes them: every access mode on fields of each type,
 * static fields, array elements and byte-array views, the invoke-style conversions (widening, boxing, void
 * results) and the exceptions a wrong use gets.
 */
public class VarHandleModes {
    static class Cell {
        int i;
        long j;
        volatile Object ref;
        byte b;
        short s;
        char c;
        boolean z;
        float f;
        double d;
    }

    static long counter;
    static volatile String name = "start";

    static final VarHandle I;
    static final VarHandle J;
    static final VarHandle REF;
    static final VarHandle B;
    static final VarHandle S;
    static final VarHandle C;
    static final VarHandle Z;
    static final VarHandle F;
    static final VarHandle D;
    static final VarHandle COUNTER;
    static final VarHandle NAME;
    static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    static final VarHandle STRINGS = MethodHandles.arrayElementVarHandle(String[].class);
    static final VarHandle LONGS_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle INTS_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            I = l.findVarHandle(Cell.class, "i", int.class);
            J = l.findVarHandle(Cell.class, "j", long.class);
            REF = l.findVarHandle(Cell.class, "ref", Object.class);
            B = l.findVarHandle(Cell.class, "b", byte.class);
            S = l.findVarHandle(Cell.class, "s", short.class);
            C = l.findVarHandle(Cell.class, "c", char.class);
            Z = l.findVarHandle(Cell.class, "z", boolean.class);
            F = l.findVarHandle(Cell.class, "f", float.class);
            D = l.findVarHandle(Cell.class, "d", double.class);
            COUNTER = l.findStaticVarHandle(VarHandleModes.class, "counter", long.class);
            NAME = l.findStaticVarHandle(VarHandleModes.class, "name", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Cell x = new Cell();
        ints(x);
        longs(x);
        refs(x);
        small(x);
        floats(x);
        statics();
        arrays();
        views();
        lookups();
        misuse(x);
        threads();
    }

    static void ints(Cell x) {
        I.set(x, 5);
        System.out.println("int " + (int) I.get(x) + " " + (int) I.getVolatile(x) + " " + (int) I.getAcquire(x) + " " + (int) I.getOpaque(x));
        I.setVolatile(x, 6);
        I.setRelease(x, 7);
        I.setOpaque(x, 8);
        System.out.println("cas " + I.compareAndSet(x, 8, 9) + " " + I.compareAndSet(x, 8, 10) + " " + x.i);
        System.out.println("weak " + I.weakCompareAndSet(x, 9, 11) + I.weakCompareAndSetPlain(x, 11, 12)
                + I.weakCompareAndSetAcquire(x, 12, 13) + I.weakCompareAndSetRelease(x, 13, 14) + " " + x.i);
        System.out.println("cae " + (int) I.compareAndExchange(x, 14, 15) + " " + (int) I.compareAndExchangeAcquire(x, 0, 16)
                + " " + (int) I.compareAndExchangeRelease(x, 15, 17) + " " + x.i);
        System.out.println("gas " + (int) I.getAndSet(x, 20) + " " + (int) I.getAndSetAcquire(x, 21) + " " + (int) I.getAndSetRelease(x, 22));
        System.out.println("add " + (int) I.getAndAdd(x, 3) + " " + (int) I.getAndAddAcquire(x, -30) + " " + (int) I.getAndAddRelease(x, 1) + " " + x.i);
        I.set(x, 0b1100);
        System.out.println("bits " + (int) I.getAndBitwiseOr(x, 0b0011) + " " + (int) I.getAndBitwiseAnd(x, 0b1010)
                + " " + (int) I.getAndBitwiseXor(x, 0b1111) + " " + (int) I.getAndBitwiseOrAcquire(x, 0)
                + " " + (int) I.getAndBitwiseAndRelease(x, -1) + " " + (int) I.getAndBitwiseXorAcquire(x, 0) + " " + x.i);
        I.getAndAdd(x, 100); // a statement: the site's result type is void
        long widened = (long) I.get(x);
        Object boxed = I.get(x);
        System.out.println("conv " + widened + " " + boxed + " " + boxed.getClass().getSimpleName());
        I.set(x, (short) 7);
        I.set(x, Integer.valueOf(x.i + 1));
        System.out.println("int end " + x.i);
    }

    static void longs(Cell x) {
        J.set(x, Long.MAX_VALUE - 1);
        System.out.println("long " + (long) J.getAndAdd(x, 1L) + " " + x.j + " " + (long) J.getAndAdd(x, 1) + " " + x.j);
        System.out.println("long cas " + J.compareAndSet(x, Long.MIN_VALUE, 1L << 40) + " " + (long) J.compareAndExchange(x, 0L, 5L)
                + " " + (long) J.getAndBitwiseXor(x, -1L) + " " + x.j);
        J.set(x, 3); // int widened to long
        System.out.println("long end " + (long) J.getVolatile(x));
    }

    static void refs(Cell x) {
        String a = "alpha";
        REF.set(x, a);
        System.out.println("ref " + REF.get(x) + " " + REF.compareAndSet(x, "not", "beta") + " " + REF.compareAndSet(x, a, "beta"));
        Object old = REF.getAndSet(x, "gamma");
        String typed = (String) REF.compareAndExchange(x, "gamma", null);
        System.out.println("ref " + old + " " + typed + " " + REF.getAcquire(x));
        REF.setRelease(x, new StringBuilder("sb"));
        System.out.println("ref " + REF.getOpaque(x) + " " + REF.weakCompareAndSet(x, REF.get(x), 42));
        System.out.println("ref end " + x.ref + " " + x.ref.getClass().getSimpleName());
    }

    static void small(Cell x) {
        B.set(x, (byte) 120);
        System.out.println("byte " + (byte) B.getAndAdd(x, (byte) 10) + " " + x.b + " " + B.compareAndSet(x, (byte) -126, (byte) -1) + " " + x.b);
        S.set(x, (short) 32000);
        System.out.println("short " + (short) S.getAndAdd(x, (short) 1000) + " " + x.s + " " + (short) S.getAndBitwiseAnd(x, (short) 0xFF) + " " + x.s);
        C.set(x, 'A');
        System.out.println("char " + (char) C.getAndAdd(x, (char) 2) + " " + x.c + " " + C.compareAndSet(x, 'C', '\uffff') + " " + (int) x.c);
        Z.set(x, true);
        System.out.println("boolean " + (boolean) Z.getAndBitwiseXor(x, true) + " " + x.z + " " + Z.compareAndSet(x, false, true)
                + " " + (boolean) Z.getAndSet(x, false) + " " + x.z);
        // neighbours in the same word are untouched by the sub-word atomics
        System.out.println("small end " + x.b + " " + x.s + " " + (int) x.c + " " + x.z);
    }

    static void floats(Cell x) {
        F.set(x, 1.5f);
        System.out.println("float " + (float) F.getAndAdd(x, 2.25f) + " " + x.f + " " + F.compareAndSet(x, 3.75f, -0.0f) + " " + x.f
                + " " + F.compareAndSet(x, 0.0f, 1f));
        D.set(x, Math.PI);
        System.out.println("double " + (double) D.getAndAdd(x, 1.0) + " " + x.d + " " + (double) D.compareAndExchange(x, x.d, Double.NaN)
                + " " + D.compareAndSet(x, Double.NaN, 2.0) + " " + x.d);
        F.set(x, 3); // int widened to float
        D.set(x, 4L); // long widened to double
        System.out.println("float end " + x.f + " " + x.d);
    }

    static void statics() {
        COUNTER.set(10L);
        System.out.println("static " + (long) COUNTER.getAndAdd(5L) + " " + counter + " " + COUNTER.compareAndSet(15L, 20L) + " " + (long) COUNTER.getVolatile());
        System.out.println("static " + NAME.get() + " " + NAME.compareAndSet("start", "next") + " " + (String) NAME.getAndSet("last") + " " + name);
    }

    static void arrays() {
        int[] a = {1, 2, 3};
        System.out.println("array " + (int) INTS.getAndAdd(a, 1, 40) + " " + a[1] + " " + INTS.compareAndSet(a, 2, 3, 30) + " " + (int) INTS.getVolatile(a, 2));
        INTS.setRelease(a, 0, -1);
        String[] s = {"a", "b"};
        System.out.println("array " + STRINGS.getAndSet(s, 0, "z") + " " + s[0] + " " + STRINGS.compareAndExchange(s, 1, "b", "y") + " " + s[1]
                + " " + a[0]);
        Object[] wider = s;
        try {
            MethodHandles.arrayElementVarHandle(Object[].class).set(wider, 0, Integer.valueOf(1));
        } catch (RuntimeException e) {
            System.out.println("array " + e.getClass().getName());
        }
        try {
            INTS.get(a, 3);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("array " + e.getMessage());
        }
    }

    static void views() {
        byte[] buf = new byte[12];
        LONGS_BE.set(buf, 1, 0x0102030405060708L);
        INTS_LE.set(buf, 8, 0xCAFEBABE);
        StringBuilder sb = new StringBuilder();
        for (byte b : buf) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        System.out.println("view " + sb + " " + Long.toHexString((long) LONGS_BE.get(buf, 1)) + " " + Integer.toHexString((int) INTS_LE.get(buf, 8))
                + " " + Integer.toHexString((int) INTS_LE.get(buf, 1)));
        try {
            LONGS_BE.get(buf, 5);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("view " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static void lookups() {
        try {
            MethodHandles.lookup().findVarHandle(Cell.class, "missing", int.class);
        } catch (ReflectiveOperationException e) {
            System.out.println("lookup " + e.getClass().getName());
        }
        try {
            MethodHandles.lookup().findVarHandle(Cell.class, "i", long.class);
        } catch (ReflectiveOperationException e) {
            System.out.println("lookup " + e.getClass().getName());
        }
        try {
            MethodHandles.arrayElementVarHandle(String.class);
        } catch (IllegalArgumentException e) {
            System.out.println("lookup " + e.getClass().getName());
        }
    }

    static void misuse(Cell x) {
        try {
            I.get((Cell) null);
        } catch (NullPointerException e) {
            System.out.println("misuse NPE");
        }
        try {
            REF.getAndAdd(x, 1);
        } catch (UnsupportedOperationException e) {
            System.out.println("misuse " + e.getClass().getName());
        }
        try {
            D.getAndBitwiseOr(x, 1.0);
        } catch (UnsupportedOperationException e) {
            System.out.println("misuse " + e.getClass().getName());
        }
        try {
            Object notACell = "string";
            I.get(notACell);
        } catch (ClassCastException e) {
            System.out.println("misuse " + e.getMessage());
        }
    }

    /** Four threads adding through getAndAdd and a CAS loop: no update is lost. */
    static void threads() throws InterruptedException {
        Cell x = new Cell();
        Thread[] ts = new Thread[4];
        for (int k = 0; k < ts.length; k++) {
            ts[k] = new Thread(() -> {
                for (int n = 0; n < 2000; n++) {
                    I.getAndAdd(x, 1);
                    long v;
                    do {
                        v = (long) J.getVolatile(x);
                    } while (!J.weakCompareAndSet(x, v, v + 2));
                    COUNTER.getAndAdd(1L);
                }
            });
            ts[k].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println("threads " + x.i + " " + x.j + " " + counter);
    }
}
