package java.lang;

/** toyvm guest library: the int box, with the -128..127 cache identity semantics of the JLS. */
public final class Integer extends Number implements Comparable<Integer> {
    @SuppressWarnings("unchecked")
    public static final Class<Integer> TYPE = (Class<Integer>) Class.getPrimitiveClass("int");

    public static final int MIN_VALUE = 0x80000000;
    public static final int MAX_VALUE = 0x7fffffff;
    public static final int SIZE = 32;
    public static final int BYTES = 4;

    private static final Integer[] CACHE = new Integer[256];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new Integer(i - 128);
        }
    }

    private final int value;

    @Deprecated(since = "9")
    public Integer(int value) {
        this.value = value;
    }

    public static Integer valueOf(int i) {
        if (i >= -128 && i <= 127) {
            return CACHE[i + 128];
        }
        return new Integer(i);
    }

    public static Integer valueOf(String s) {
        return valueOf(parseInt(s, 10));
    }

    public static Integer valueOf(String s, int radix) {
        return valueOf(parseInt(s, radix));
    }

    public static int parseInt(String s) {
        return parseInt(s, 10);
    }

    public static native int parseInt(String s, int radix);

    public static native String toString(int i);

    public static native String toString(int i, int radix);

    public static native String toHexString(int i);

    public static native String toBinaryString(int i);

    public static native String toOctalString(int i);

    public static native String toUnsignedString(int i);

    public String toString() {
        return toString(value);
    }

    public int hashCode() {
        return value;
    }

    public static int hashCode(int value) {
        return value;
    }

    public boolean equals(Object obj) {
        return obj instanceof Integer && value == ((Integer) obj).intValue();
    }

    public int compareTo(Integer other) {
        return compare(value, other.value);
    }

    public static int compare(int x, int y) {
        return (x < y) ? -1 : ((x == y) ? 0 : 1);
    }

    public static int compareUnsigned(int x, int y) {
        return compare(x + MIN_VALUE, y + MIN_VALUE);
    }

    public byte byteValue() {
        return (byte) value;
    }

    public short shortValue() {
        return (short) value;
    }

    public int intValue() {
        return value;
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

    public static int sum(int a, int b) {
        return a + b;
    }

    public static int max(int a, int b) {
        return Math.max(a, b);
    }

    public static int min(int a, int b) {
        return Math.min(a, b);
    }

    public static int signum(int i) {
        return (i >> 31) | (-i >>> 31);
    }

    public static int abs(int i) {
        return Math.abs(i);
    }

    public static native int bitCount(int i);

    public static native int numberOfLeadingZeros(int i);

    public static native int numberOfTrailingZeros(int i);

    public static native int highestOneBit(int i);

    public static native int lowestOneBit(int i);

    public static native int reverse(int i);

    public static native int reverseBytes(int i);

    public static native int rotateLeft(int i, int distance);

    public static native int rotateRight(int i, int distance);

    public static native int divideUnsigned(int dividend, int divisor);

    public static native int remainderUnsigned(int dividend, int divisor);

    public static long toUnsignedLong(int x) {
        return ((long) x) & 0xffffffffL;
    }
}
