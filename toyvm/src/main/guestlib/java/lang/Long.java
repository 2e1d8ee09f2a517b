package java.lang;

/** toyvm guest library: the long box. */
public final class Long extends Number implements Comparable<Long>, java.lang.constant.Constable,
        java.lang.constant.ConstantDesc {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = 4290774380558885855L;
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

    // JDK 25 API run by the host twin (HostMirror), generated from GuestlibApiTest's gap list.
    public static native long compress(long a0, long a1);
    public static native long divideUnsigned(long a0, long a1);
    public static native long expand(long a0, long a1);
    public static native long parseUnsignedLong(java.lang.String a0);
    public static native long parseUnsignedLong(java.lang.String a0, int a1);
    public static native long remainderUnsigned(long a0, long a1);
    public static native java.lang.String toUnsignedString(long a0);
    public static native java.lang.String toUnsignedString(long a0, int a1);


    @Deprecated(since = "9")
    public Long(String s) throws NumberFormatException {
        this(parseLong(s, 10));
    }

    public static Long decode(String nm) throws NumberFormatException {
        int radix = 10;
        int index = 0;
        boolean negative = false;
        if (nm.isEmpty()) {
            throw new NumberFormatException("Zero length string");
        }
        char first = nm.charAt(0);
        if (first == '-') {
            negative = true;
            index++;
        } else if (first == '+') {
            index++;
        }
        if (nm.startsWith("0x", index) || nm.startsWith("0X", index)) {
            index += 2;
            radix = 16;
        } else if (nm.startsWith("#", index)) {
            index++;
            radix = 16;
        } else if (nm.startsWith("0", index) && nm.length() > 1 + index) {
            index++;
            radix = 8;
        }
        if (nm.startsWith("-", index) || nm.startsWith("+", index)) {
            throw new NumberFormatException("Sign character in wrong position");
        }
        try {
            return valueOf(parseLong(negative ? "-" + nm.substring(index) : nm.substring(index), radix));
        } catch (NumberFormatException e) {
            throw new NumberFormatException("For input string: \"" + nm + "\"" + (radix == 10 ? "" : " under radix " + radix));
        }
    }

    public static long parseLong(CharSequence s, int beginIndex, int endIndex, int radix) throws NumberFormatException {
        java.util.Objects.checkFromToIndex(beginIndex, endIndex, s.length());
        return parseLong(s.subSequence(beginIndex, endIndex).toString(), radix);
    }

    public static long parseUnsignedLong(CharSequence s, int beginIndex, int endIndex, int radix) {
        java.util.Objects.checkFromToIndex(beginIndex, endIndex, s.length());
        return parseUnsignedLong(s.subSequence(beginIndex, endIndex).toString(), radix);
    }

    public java.util.Optional<Long> describeConstable() {
        return java.util.Optional.of(this);
    }

    public Long resolveConstantDesc(java.lang.invoke.MethodHandles.Lookup lookup) {
        return this;
    }


    public static Long getLong(String nm) {
        return getLong(nm, null);
    }

    public static Long getLong(String nm, long val) {
        Long result = getLong(nm, null);
        return result == null ? Long.valueOf(val) : result;
    }

    public static Long getLong(String nm, Long val) {
        String v = nm == null || nm.isEmpty() ? null : System.getProperty(nm);
        if (v != null) {
            try {
                return Long.decode(v);
            } catch (NumberFormatException e) {
                // as the JDK: an unparsable property is no property
            }
        }
        return val;
    }

    public static Long valueOf(String s, int radix) throws NumberFormatException {
        return valueOf(parseLong(s, radix));
    }
}
