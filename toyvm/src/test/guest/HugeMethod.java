/**
 * A method too long for the host JIT once translated (HotSpot compiles no method over 8000 bytes of bytecode):
 * JitTest checks that the compiler tier leaves it to the interpreter instead of installing code the host would
 * only interpret, and that it computes what HotSpot computes.
 */
public class HugeMethod {
    static long huge(int n) {
        long s = 1;
        int[] a = {3, 1, 4, 1, 5, 9, 2, 6};
        for (int i = 0; i < n; i++) {
            s = s * 31 + a[(i + 0) & 7] * 1 + (s >>> 1);
            s = s * 31 + a[(i + 1) & 7] * 2 + (s >>> 2);
            s = s * 31 + a[(i + 2) & 7] * 3 + (s >>> 3);
            s = s * 31 + a[(i + 3) & 7] * 4 + (s >>> 4);
            s = s * 31 + a[(i + 4) & 7] * 5 + (s >>> 5);
            s = s * 31 + a[(i + 5) & 7] * 6 + (s >>> 6);
            s = s * 31 + a[(i + 6) & 7] * 7 + (s >>> 7);
            s = s * 31 + a[(i + 7) & 7] * 8 + (s >>> 8);
            s = s * 31 + a[(i + 8) & 7] * 9 + (s >>> 9);
            s = s * 31 + a[(i + 9) & 7] * 10 + (s >>> 10);
            s = s * 31 + a[(i + 10) & 7] * 11 + (s >>> 11);
            s = s * 31 + a[(i + 11) & 7] * 12 + (s >>> 12);
            s = s * 31 + a[(i + 12) & 7] * 13 + (s >>> 13);
            s = s * 31 + a[(i + 13) & 7] * 14 + (s >>> 1);
            s = s * 31 + a[(i + 14) & 7] * 15 + (s >>> 2);
            s = s * 31 + a[(i + 15) & 7] * 16 + (s >>> 3);
            s = s * 31 + a[(i + 16) & 7] * 17 + (s >>> 4);
            s = s * 31 + a[(i + 17) & 7] * 18 + (s >>> 5);
            s = s * 31 + a[(i + 18) & 7] * 19 + (s >>> 6);
            s = s * 31 + a[(i + 19) & 7] * 20 + (s >>> 7);
            s = s * 31 + a[(i + 20) & 7] * 21 + (s >>> 8);
            s = s * 31 + a[(i + 21) & 7] * 22 + (s >>> 9);
            s = s * 31 + a[(i + 22) & 7] * 23 + (s >>> 10);
            s = s * 31 + a[(i + 23) & 7] * 24 + (s >>> 11);
            s = s * 31 + a[(i + 24) & 7] * 25 + (s >>> 12);
            s = s * 31 + a[(i + 25) & 7] * 26 + (s >>> 13);
            s = s * 31 + a[(i + 26) & 7] * 27 + (s >>> 1);
            s = s * 31 + a[(i + 27) & 7] * 28 + (s >>> 2);
            s = s * 31 + a[(i + 28) & 7] * 29 + (s >>> 3);
            s = s * 31 + a[(i + 29) & 7] * 30 + (s >>> 4);
            s = s * 31 + a[(i + 30) & 7] * 31 + (s >>> 5);
            s = s * 31 + a[(i + 31) & 7] * 32 + (s >>> 6);
            s = s * 31 + a[(i + 32) & 7] * 33 + (s >>> 7);
            s = s * 31 + a[(i + 33) & 7] * 34 + (s >>> 8);
            s = s * 31 + a[(i + 34) & 7] * 35 + (s >>> 9);
            s = s * 31 + a[(i + 35) & 7] * 36 + (s >>> 10);
            s = s * 31 + a[(i + 36) & 7] * 37 + (s >>> 11);
            s = s * 31 + a[(i + 37) & 7] * 38 + (s >>> 12);
            s = s * 31 + a[(i + 38) & 7] * 39 + (s >>> 13);
            s = s * 31 + a[(i + 39) & 7] * 40 + (s >>> 1);
        }
        return s;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long total = 0;
        for (int round = 0; round < 20; round++) {
            total += huge(n);
        }
        System.out.println(total);
    }
}
