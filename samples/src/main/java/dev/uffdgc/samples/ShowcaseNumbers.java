package dev.uffdgc.samples;

import static dev.uffdgc.samples.Showcase.say;

/** Arithmetic at the edges of int, long, float and double, conversions, shifts, Math, and boxing identity. */
final class ShowcaseNumbers {
    private ShowcaseNumbers() {}

    /** Values passed through a method so javac cannot constant-fold the expressions that use them. */
    private static int i(int v) {
        return v;
    }

    private static long l(long v) {
        return v;
    }

    private static double d(double v) {
        return v;
    }

    private static float f(float v) {
        return v;
    }

    static void run() {
        ints();
        longs();
        conversions();
        floating();
        mathLibrary();
        boxing();
    }

    static void ints() {
        int max = i(Integer.MAX_VALUE);
        int min = i(Integer.MIN_VALUE);
        say("int overflow " + (max + 1) + " " + (min - 1) + " " + (max * 2) + " " + (-min) + " " + Math.abs(min));
        say("int division " + (min / i(-1)) + " " + (min % i(-1)) + " " + (i(-7) / 2) + " " + (i(-7) % 2) + " "
                + (i(7) % -2) + " " + Math.floorDiv(i(-7), 2) + " " + Math.floorMod(i(-7), 2));
        say("int shifts " + (i(1) << 33) + " " + (i(1) << -1) + " " + (i(-1) >>> 28) + " " + (i(-1) >> 28) + " "
                + (i(-16) >> 2) + " " + (i(-16) >>> 30) + String.format(" hex %x %x", i(-1), min));
        byte b = (byte) i(127);
        b += 1;
        short s = (short) i(300);
        s *= 300;
        char c = 'a';
        c += 2;
        say("narrowing " + b + " " + s + " " + c + " " + (char) (c + 1) + " " + ('a' + 1) + " " + (i(-1) & 0xff)
                + " " + (byte) i(200) + " " + (short) i(70000) + " " + (int) (char) i(-1) + " " + (i(5) ^ i(3))
                + " " + (~i(5)) + " " + (i(6) | i(9)));
    }

    static void longs() {
        long max = l(Long.MAX_VALUE);
        long min = l(Long.MIN_VALUE);
        say("long overflow " + (max + 1) + " " + (min / l(-1)) + " " + (min % l(-1)) + " " + (max * 3) + " "
                + Math.abs(min));
        say("long shifts " + (l(1) << 65) + " " + (l(-1) >>> 60) + " " + (l(-1) >> 60) + " " + (l(1) << 63) + " "
                + (l(-256) >> 4) + String.format(" hex %x %x", l(-1), max));
        say("long/int " + (int) l(0x1_0000_0001L) + " " + (int) l(4294967295L) + " " + (long) i(-1) + " "
                + ((long) i(Integer.MAX_VALUE) + 1) + " " + Long.compare(min, max) + " " + (l(-7) / 2) + " " + (l(-7) % 3));
    }

    static void conversions() {
        double nan = d(Double.NaN);
        double inf = d(Double.POSITIVE_INFINITY);
        say("d2i " + (int) nan + " " + (int) d(1e10) + " " + (int) d(-1e10) + " " + (int) d(3.99) + " "
                + (int) d(-3.99) + " " + (int) inf + " " + (int) -inf);
        say("d2l " + (long) nan + " " + (long) inf + " " + (long) -inf + " " + (long) d(1e19) + " " + (long) d(-2.5));
        say("f2i " + (int) f(Float.NaN) + " " + (int) f(1e20f) + " " + (long) f(-1e30f) + " " + (int) f(2.9f));
        say("narrow from double " + (char) d(65.7) + " " + (byte) d(300.5) + " " + (short) d(-40000.9) + " "
                + (int) (char) d(-1.0) + " " + (float) d(1e40) + " " + (float) d(0.1) + " " + (double) f(0.1f));
        say("i2f loses " + (int) (float) i(16777217) + " l2d " + (long) (double) l(9007199254740993L));
    }

    static void floating() {
        double nan = d(0.0) / d(0.0);
        double zero = d(0.0);
        double negZero = d(-0.0);
        say("nan " + nan + " " + (nan == nan) + " " + (nan != nan) + " " + (nan < 1) + " " + (nan > 1) + " "
                + Double.isNaN(nan) + " " + Double.compare(nan, Double.POSITIVE_INFINITY) + " "
                + Double.valueOf(nan).equals(nan));
        say("zeros " + (zero == negZero) + " " + Double.valueOf(zero).equals(negZero) + " " + (1 / negZero) + " "
                + (1 / zero) + " " + Math.min(zero, negZero) + " " + Math.max(negZero, zero) + " " + Double.compare(negZero, zero)
                + " " + negZero);
        say("double " + (d(0.1) + d(0.2)) + " " + (d(1) / 3) + " " + (d(5.5) % 2) + " " + (d(-5.5) % 2) + " "
                + (d(5) % d(0)) + " " + (d(1e308) * 10) + " " + d(Double.MIN_VALUE) / 2 + " " + d(100.0) + " " + d(1e21)
                + " " + d(1e-5) + " " + d(123456789.125));
        say("float " + (f(0.1f) + f(0.2f)) + " " + (f(1) / 3) + " " + (f(Float.MAX_VALUE) * 2) + " " + f(1e10f) + " "
                + (f(16777216f) + 1) + String.format(" %.9f", f(0.1f)));
        float acc = 0;
        for (int k = 0; k < 10; k++) {
            acc += f(0.1f);
        }
        say("float sum " + acc + " " + (acc == 1.0f) + String.format(" %.12f %.3f", d(Math.PI), d(-0.0005)));
    }

    static void mathLibrary() {
        say("math " + Math.sqrt(d(2)) + " " + Math.sqrt(d(-1)) + " " + Math.pow(d(2), 10) + " " + Math.round(d(2.5)) + " "
                + Math.round(d(-2.5)) + " " + Math.round(d(Double.NaN)) + " " + Math.floor(d(-1.5)) + " "
                + Math.ceil(d(-1.5)) + " " + Math.abs(d(-0.0)) + " " + Math.max(i(3), i(-4)) + " " + Math.min(l(3), l(-4))
                + " " + Math.round(f(0.5f)) + " " + Math.signum(d(-3)) + " " + Math.hypot(3, 4));
        try {
            say("exact " + Math.addExact(i(Integer.MAX_VALUE), 1));
        } catch (ArithmeticException e) {
            say("addExact: " + e.getMessage());
        }
        try {
            say("exact " + Math.multiplyExact(l(Long.MAX_VALUE), 2L));
        } catch (ArithmeticException e) {
            say("multiplyExact: " + e.getMessage());
        }
    }

    static void boxing() {
        Integer a = i(127), b = i(127), c = i(128), d = i(128), e = i(-128), g = i(-129), h = i(-129);
        Long la = l(127), lb = l(127), lc = l(128), ld = l(128);
        Character ca = (char) i(127), cb = (char) i(127), cc = (char) i(128), cd = (char) i(128);
        say("Integer cache " + (a == b) + " " + (c == d) + " " + c.equals(d) + " " + (e == Integer.valueOf(-128))
                + " " + (g == h) + " " + (a < c));
        say("Long cache " + (la == lb) + " " + (lc == ld) + " " + lc.equals(ld) + " " + lc.equals(128)
                + " Character cache " + (ca == cb) + " " + (cc == cd) + " Boolean " + (Boolean.valueOf(true) == Boolean.TRUE));
        Object boxed = i(42);
        Object boxedLong = l(42);
        say("boxes " + boxed.equals(42) + " " + boxed.equals(boxedLong) + " " + (boxed instanceof Number) + " "
                + Integer.valueOf(7).hashCode() + " " + Long.valueOf(l(-1)).hashCode() + " " + Boolean.hashCode(true)
                + " " + Double.valueOf(d(1.5)).hashCode() + " " + Character.valueOf('x').compareTo('z'));
        say("parse " + Integer.parseInt("-2147483648") + " " + Long.parseLong("9223372036854775807") + " "
                + Double.parseDouble("1e3") + " " + Integer.parseInt("ff", 16) + " " + Boolean.parseBoolean("TRUE")
                + " " + Integer.toString(255) + " " + Long.toString(l(-9)) + " " + Double.toString(d(0.5))
                + " " + Integer.MIN_VALUE + " " + Long.MAX_VALUE + " " + (int) Character.MAX_VALUE + " " + Double.MAX_VALUE);
        try {
            Integer.parseInt("12x");
        } catch (NumberFormatException ex) {
            say("parse failure " + ex.getClass().getName());
        }
        long total = 0;
        Integer boxedSum = 0;
        for (int k = 0; k < 300; k++) {
            boxedSum += k;
            Integer k1 = k;
            Integer k2 = k;
            if (k1 == k2) {
                total++;
            }
        }
        say("boxed loop " + boxedSum + " identical boxes " + total);
    }
}
