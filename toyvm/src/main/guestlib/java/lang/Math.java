package java.lang;

/** toyvm guest library: integer helpers in Java; floating-point functions are host intrinsics (same results). */
public final class Math {
    private Math() {
    }

    public static final double E = 2.718281828459045;
    public static final double PI = 3.141592653589793;
    public static final double TAU = 2.0 * PI;

    public static native double sin(double a);

    public static native double cos(double a);

    public static native double tan(double a);

    public static native double asin(double a);

    public static native double acos(double a);

    public static native double atan(double a);

    public static native double atan2(double y, double x);

    public static native double sinh(double a);

    public static native double cosh(double a);

    public static native double tanh(double a);

    public static native double exp(double a);

    public static native double expm1(double a);

    public static native double log(double a);

    public static native double log10(double a);

    public static native double log1p(double a);

    public static native double sqrt(double a);

    public static native double cbrt(double a);

    public static native double pow(double a, double b);

    public static native double hypot(double x, double y);

    public static native double ceil(double a);

    public static native double floor(double a);

    public static native double rint(double a);

    public static native long round(double a);

    public static native int round(float a);

    public static native double random();

    public static native double abs(double a);

    public static native float abs(float a);

    public static native double max(double a, double b);

    public static native double min(double a, double b);

    public static native float max(float a, float b);

    public static native float min(float a, float b);

    public static native double signum(double d);

    public static native double toRadians(double angdeg);

    public static native double toDegrees(double angrad);

    public static native double fma(double a, double b, double c);

    public static int abs(int a) {
        return (a < 0) ? -a : a;
    }

    public static long abs(long a) {
        return (a < 0) ? -a : a;
    }

    public static int max(int a, int b) {
        return (a >= b) ? a : b;
    }

    public static long max(long a, long b) {
        return (a >= b) ? a : b;
    }

    public static int min(int a, int b) {
        return (a <= b) ? a : b;
    }

    public static long min(long a, long b) {
        return (a <= b) ? a : b;
    }

    public static int clamp(long value, int min, int max) {
        return (int) Math.min(max, Math.max(value, min));
    }

    public static int addExact(int x, int y) {
        int r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) {
            throw new ArithmeticException("integer overflow");
        }
        return r;
    }

    public static long addExact(long x, long y) {
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) {
            throw new ArithmeticException("long overflow");
        }
        return r;
    }

    public static int subtractExact(int x, int y) {
        int r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) {
            throw new ArithmeticException("integer overflow");
        }
        return r;
    }

    public static long subtractExact(long x, long y) {
        long r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) {
            throw new ArithmeticException("long overflow");
        }
        return r;
    }

    public static int multiplyExact(int x, int y) {
        long r = (long) x * (long) y;
        if ((int) r != r) {
            throw new ArithmeticException("integer overflow");
        }
        return (int) r;
    }

    public static long multiplyExact(long x, long y) {
        long r = x * y;
        long ax = Math.abs(x);
        long ay = Math.abs(y);
        if (((ax | ay) >>> 31 != 0)) {
            if (((y != 0) && (r / y != x)) || (x == Long.MIN_VALUE && y == -1)) {
                throw new ArithmeticException("long overflow");
            }
        }
        return r;
    }

    public static int negateExact(int a) {
        if (a == Integer.MIN_VALUE) {
            throw new ArithmeticException("integer overflow");
        }
        return -a;
    }

    public static int toIntExact(long value) {
        if ((int) value != value) {
            throw new ArithmeticException("integer overflow");
        }
        return (int) value;
    }

    public static int floorDiv(int x, int y) {
        int q = x / y;
        if ((x ^ y) < 0 && (q * y != x)) {
            return q - 1;
        }
        return q;
    }

    public static long floorDiv(long x, long y) {
        long q = x / y;
        if ((x ^ y) < 0 && (q * y != x)) {
            return q - 1;
        }
        return q;
    }

    public static int floorMod(int x, int y) {
        int r = x % y;
        if ((x ^ y) < 0 && r != 0) {
            return r + y;
        }
        return r;
    }

    public static long floorMod(long x, long y) {
        long r = x % y;
        if ((x ^ y) < 0 && r != 0) {
            return r + y;
        }
        return r;
    }

    public static int floorMod(long x, int y) {
        return (int) floorMod(x, (long) y);
    }

    // JDK 25 API run by the host twin (HostMirror), generated from GuestlibApiTest's gap list.
    public static native double IEEEremainder(double a0, double a1);
    public static native int absExact(int a0);
    public static native long absExact(long a0);
    public static native int ceilDiv(int a0, int a1);
    public static native long ceilDiv(long a0, int a1);
    public static native long ceilDiv(long a0, long a1);
    public static native int ceilDivExact(int a0, int a1);
    public static native long ceilDivExact(long a0, long a1);
    public static native int ceilMod(int a0, int a1);
    public static native int ceilMod(long a0, int a1);
    public static native long ceilMod(long a0, long a1);
    public static native double clamp(double a0, double a1, double a2);
    public static native float clamp(float a0, float a1, float a2);
    public static native long clamp(long a0, long a1, long a2);
    public static native double copySign(double a0, double a1);
    public static native float copySign(float a0, float a1);
    public static native int decrementExact(int a0);
    public static native long decrementExact(long a0);
    public static native int divideExact(int a0, int a1);
    public static native long divideExact(long a0, long a1);
    public static native long floorDiv(long a0, int a1);
    public static native int floorDivExact(int a0, int a1);
    public static native long floorDivExact(long a0, long a1);
    public static native float fma(float a0, float a1, float a2);
    public static native int getExponent(double a0);
    public static native int getExponent(float a0);
    public static native int incrementExact(int a0);
    public static native long incrementExact(long a0);
    public static native long multiplyExact(long a0, int a1);
    public static native long multiplyFull(int a0, int a1);
    public static native long multiplyHigh(long a0, long a1);
    public static native long negateExact(long a0);
    public static native double nextAfter(double a0, double a1);
    public static native float nextAfter(float a0, double a1);
    public static native double nextDown(double a0);
    public static native float nextDown(float a0);
    public static native double nextUp(double a0);
    public static native float nextUp(float a0);
    public static native int powExact(int a0, int a1);
    public static native long powExact(long a0, int a1);
    public static native double scalb(double a0, int a1);
    public static native float scalb(float a0, int a1);
    public static native float signum(float a0);
    public static native double ulp(double a0);
    public static native float ulp(float a0);
    public static native int unsignedMultiplyExact(int a0, int a1);
    public static native long unsignedMultiplyExact(long a0, int a1);
    public static native long unsignedMultiplyExact(long a0, long a1);
    public static native long unsignedMultiplyHigh(long a0, long a1);
    public static native int unsignedPowExact(int a0, int a1);
    public static native long unsignedPowExact(long a0, int a1);
}
