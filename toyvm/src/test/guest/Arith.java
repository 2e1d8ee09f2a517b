/** Integer and floating-point semantics at the edges. */
public class Arith {
    static int idiv(int a, int b) {
        try {
            return a / b;
        } catch (ArithmeticException e) {
            System.out.println("ArithmeticException: " + e.getMessage());
            return 0;
        }
    }

    public static void main(String[] args) {
        int max = Integer.MAX_VALUE;
        int min = Integer.MIN_VALUE;
        System.out.println(max + 1);
        System.out.println(min - 1);
        System.out.println(min / -1);
        System.out.println(min % -1);
        System.out.println(-7 / 2 + " " + -7 % 2 + " " + 7 % -2);
        System.out.println(idiv(5, 0));
        long lmin = Long.MIN_VALUE;
        System.out.println(lmin / -1L + " " + lmin % -1L);
        try {
            System.out.println(5L % 0L);
        } catch (ArithmeticException e) {
            System.out.println("long: " + e.getMessage());
        }
        System.out.println((1 << 33) + " " + (1 << -1) + " " + (-1 >>> 28) + " " + (-16 >> 2));
        System.out.println((1L << 65) + " " + (-1L >>> 60) + " " + (-16L >> 2));
        double nan = 0.0 / 0.0;
        System.out.println(nan + " " + (1.0 / 0.0) + " " + (-1.0 / 0.0) + " " + (nan == nan) + " " + (nan < 1));
        System.out.println((int) nan + " " + (int) 1e20 + " " + (int) -1e20 + " " + (long) 1e30 + " " + (long) nan);
        System.out.println((int) 3.99 + " " + (int) -3.99 + " " + (char) 65.7 + " " + (byte) 200 + " " + (short) 70000);
        System.out.println((float) 0.1 + " " + 0.1f * 3 + " " + 0.1 * 3 + " " + 1e-5 + " " + 100.0f + " " + 1.0e7);
        System.out.println(5.5 % 2 + " " + -5.5 % 2 + " " + 5.5f % 2f);
        System.out.println(Double.compare(0.0, -0.0) + " " + (0.0 == -0.0) + " " + Math.min(0.0, -0.0));
        float f = 16777217;
        System.out.println(f + " " + (long) f + " " + (double) Float.MAX_VALUE);
        long big = 123456789012345L;
        System.out.println(big * 1000 + " " + (int) big + " " + (float) big + " " + (double) big);
        char c = 'A';
        c += 2;
        System.out.println(c + " " + (int) c + " " + (char) (c + 1));
        int x = 10;
        x += x++ + ++x;
        System.out.println(x);
        byte b = (byte) 0x80;
        System.out.println(b + " " + (b & 0xff) + " " + (b >>> 4) + " " + (b >> 4));
        System.out.println(Integer.toHexString(-1) + " " + Long.toBinaryString(5) + " " + Integer.parseInt("-123"));
        System.out.println(Math.sqrt(2) + " " + Math.pow(2, 0.5) + " " + Math.sin(1) + " " + Math.floor(-1.5));
        System.out.println(Integer.MAX_VALUE * 2 + " " + Math.abs(Integer.MIN_VALUE) + " " + Math.floorMod(-7, 3));
        System.out.println(1.0f / 3 + " " + 2.0 / 3 + " " + (float) (2.0 / 3) + " " + 1e300 * 1e10);
    }
}
