package java.lang;

/** toyvm guest library: the float box. */
public final class Float extends Number implements Comparable<Float>, java.lang.constant.Constable,
        java.lang.constant.ConstantDesc {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = -2671257302660747028L;
    @SuppressWarnings("unchecked")
    public static final Class<Float> TYPE = (Class<Float>) Class.getPrimitiveClass("float");

    public static final float POSITIVE_INFINITY = 1.0f / 0.0f;
    public static final float NEGATIVE_INFINITY = -1.0f / 0.0f;
    public static final float NaN = 0.0f / 0.0f;
    public static final float MAX_VALUE = 0x1.fffffeP+127f;
    public static final float MIN_NORMAL = 0x1.0p-126f;
    public static final float MIN_VALUE = 0x0.000002P-126f;
    public static final int SIZE = 32;
    public static final int BYTES = 4;

    private final float value;

    @Deprecated(since = "9")
    public Float(float value) {
        this.value = value;
    }

    public static Float valueOf(float f) {
        return new Float(f);
    }

    public static Float valueOf(String s) {
        return new Float(parseFloat(s));
    }

    public static native float parseFloat(String s);

    public static native String toString(float f);

    public static native int floatToRawIntBits(float value);

    public static native int floatToIntBits(float value);

    public static native float intBitsToFloat(int bits);

    public static boolean isNaN(float v) {
        return v != v;
    }

    public static boolean isInfinite(float v) {
        return (v == POSITIVE_INFINITY) || (v == NEGATIVE_INFINITY);
    }

    public static boolean isFinite(float f) {
        return Math.abs(f) <= MAX_VALUE;
    }

    public boolean isNaN() {
        return isNaN(value);
    }

    public String toString() {
        return toString(value);
    }

    public int hashCode() {
        return floatToIntBits(value);
    }

    public static int hashCode(float value) {
        return floatToIntBits(value);
    }

    public boolean equals(Object obj) {
        return (obj instanceof Float) && (floatToIntBits(((Float) obj).value) == floatToIntBits(value));
    }

    public int compareTo(Float other) {
        return compare(value, other.value);
    }

    public static native int compare(float f1, float f2);

    public int intValue() {
        return (int) value;
    }

    public long longValue() {
        return (long) value;
    }

    public float floatValue() {
        return value;
    }

    public double doubleValue() {
        return value;
    }

    public static float sum(float a, float b) {
        return a + b;
    }

    public static float max(float a, float b) {
        return Math.max(a, b);
    }

    public static float min(float a, float b) {
        return Math.min(a, b);
    }

    // JDK 25 API run by the host twin (HostMirror), generated from GuestlibApiTest's gap list.
    public static final int MAX_EXPONENT = 127;
    public static final int MIN_EXPONENT = -126;
    public static final int PRECISION = 24;

    public static native float float16ToFloat(short a0);
    public static native short floatToFloat16(float a0);
    public static native java.lang.String toHexString(float a0);


    @Deprecated(since = "9")
    public Float(String s) throws NumberFormatException {
        this(parseFloat(s));
    }

    public java.util.Optional<Float> describeConstable() {
        return java.util.Optional.of(this);
    }

    public Float resolveConstantDesc(java.lang.invoke.MethodHandles.Lookup lookup) {
        return this;
    }


    @Deprecated(since = "9")
    public Float(double value) {
        this((float) value);
    }

    public boolean isInfinite() {
        return isInfinite(floatValue());
    }
}
