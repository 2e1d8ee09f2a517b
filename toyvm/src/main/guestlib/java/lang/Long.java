package java.lang;

/** toyvm guest library: the long box. */
public final class Long extends Number implements Comparable<Long> {
    @SuppressWarnings("unchecked")
    public static final Class<Long> TYPE = (Class<Long>) Class.getPrimitiveClass("long");

    public static final long MIN_VALUE = 0x8000000000000000L;
    public static final long MAX_VALUE = 0x7fffffffffffffffL;
    public static final int SIZE = 64;
    public static final int BYTES = 8;

    private static final Long[] CACHE = new Long[256];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new Long(i - 128);
        }
    }

    private final long value;

    @Deprecated(since = "9")
    public Long(long value) {
        this.value = value;
    }

    public static Long valueOf(long l) {
        if (l >= -128 && l <= 127) {
            return CACHE[(int) l + 128];
        }
        return new Long(l);
    }

    public static Long valueOf(String s) {
        return valueOf(parseLong(s, 10));
    }

    public static long parseLong(String s) {
        return parseLong(s, 10);
    }

    public static native long parseLong(String s, int radix);

    public static native String toString(long i);

    public static native String toString(long i, int radix);

    public static native String toHexString(long i);

    public static native String toBinaryString(long i);

    public static native String toOctalString(long i);

    public String toString() {
        return toString(value);
    }

    public int hashCode() {
        return hashCode(value);
    }

    public static int hashCode(long value) {
        return (int) (value ^ (value >>> 32));
    }

    public boolean equals(Object obj) {
        return obj instanceof Long && value == ((Long) obj).longValue();
    }

    public int compareTo(Long other) {
        return compare(value, other.value);
    }

    public static int compare(long x, long y) {
        return (x < y) ? -1 : ((x == y) ? 0 : 1);
    }

    public static int compareUnsigned(long x, long y) {
        return compare(x + MIN_VALUE, y + MIN_VALUE);
    }

    public int intValue() {
        return (int) value;
    }

    public long longValue() {
        return value;
    }

    public float floatValue() {
        return value;
    }

    public double doubleValue() {
        return value;
    }

    public static long sum(long a, long b) {
        return a + b;
    }

    public static long max(long a, long b) {
        return Math.max(a, b);
    }

    public static long min(long a, long b) {
        return Math.min(a, b);
    }

    public static int signum(long i) {
        return (int) ((i >> 63) | (-i >>> 63));
    }

    public static long abs(long a) {
        return Math.abs(a);
    }

    public static native int bitCount(long i);

    public static native int numberOfLeadingZeros(long i);

    public static native int numberOfTrailingZeros(long i);

    public static native long highestOneBit(long i);

    public static native long lowestOneBit(long i);

    public static native long reverse(long i);

    public static native long reverseBytes(long i);

    public static native long rotateLeft(long i, int distance);

    public static native long rotateRight(long i, int distance);
}
