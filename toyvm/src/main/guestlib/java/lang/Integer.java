package java.lang;

/** toyvm guest library: the int box, with the -128..127 cache identity semantics of the JLS. */
public final class Integer extends Number implements Comparable<Integer>, java.lang.constant.Constable,
        java.lang.constant.ConstantDesc {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = 1360826667806852920L;
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

    // JDK 25 API run by the host twin (HostMirror), generated from GuestlibApiTest's gap list.
    public static native int compress(int a0, int a1);
    public static native int expand(int a0, int a1);
    public static native int parseUnsignedInt(java.lang.String a0);
    public static native int parseUnsignedInt(java.lang.String a0, int a1);
    public static native java.lang.String toUnsignedString(int a0, int a1);


    @Deprecated(since = "9")
    public Integer(String s) throws NumberFormatException {
        this(parseInt(s, 10));
    }

    public static Integer decode(String nm) throws NumberFormatException {
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
            return valueOf(parseInt(negative ? "-" + nm.substring(index) : nm.substring(index), radix));
        } catch (NumberFormatException e) {
            throw new NumberFormatException("For input string: \"" + nm + "\"" + (radix == 10 ? "" : " under radix " + radix));
        }
    }

    public static int parseInt(CharSequence s, int beginIndex, int endIndex, int radix) throws NumberFormatException {
        java.util.Objects.checkFromToIndex(beginIndex, endIndex, s.length());
        return parseInt(s.subSequence(beginIndex, endIndex).toString(), radix);
    }

    public static int parseUnsignedInt(CharSequence s, int beginIndex, int endIndex, int radix) {
        java.util.Objects.checkFromToIndex(beginIndex, endIndex, s.length());
        return parseUnsignedInt(s.subSequence(beginIndex, endIndex).toString(), radix);
    }

    public java.util.Optional<Integer> describeConstable() {
        return java.util.Optional.of(this);
    }

    public Integer resolveConstantDesc(java.lang.invoke.MethodHandles.Lookup lookup) {
        return this;
    }


    public static Integer getInteger(String nm) {
        return getInteger(nm, null);
    }

    public static Integer getInteger(String nm, int val) {
        Integer result = getInteger(nm, null);
        return result == null ? Integer.valueOf(val) : result;
    }

    public static Integer getInteger(String nm, Integer val) {
        String v = nm == null || nm.isEmpty() ? null : System.getProperty(nm);
        if (v != null) {
            try {
                return Integer.decode(v);
            } catch (NumberFormatException e) {
                // as the JDK: an unparsable property is no property
            }
        }
        return val;
    }
}
