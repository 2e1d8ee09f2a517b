package java.lang;

/** toyvm guest library: the char box; classification is a host intrinsic (the JDK's Unicode tables). */
public final class Character implements java.io.Serializable, Comparable<Character> {
    @SuppressWarnings("unchecked")
    public static final Class<Character> TYPE = (Class<Character>) Class.getPrimitiveClass("char");

    public static final char MIN_VALUE = '\u0000';
    public static final char MAX_VALUE = '\uFFFF';
    public static final int MIN_RADIX = 2;
    public static final int MAX_RADIX = 36;
    public static final int SIZE = 16;
    public static final int BYTES = 2;

    private static final Character[] CACHE = new Character[128];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new Character((char) i);
        }
    }

    private final char value;

    @Deprecated(since = "9")
    public Character(char value) {
        this.value = value;
    }

    public static Character valueOf(char c) {
        if (c < 128) {
            return CACHE[c];
        }
        return new Character(c);
    }

    public char charValue() {
        return value;
    }

    public int hashCode() {
        return value;
    }

    public static int hashCode(char value) {
        return value;
    }

    public boolean equals(Object obj) {
        return obj instanceof Character && value == ((Character) obj).charValue();
    }

    public String toString() {
        return String.valueOf(value);
    }

    public static String toString(char c) {
        return String.valueOf(c);
    }

    public int compareTo(Character other) {
        return compare(value, other.value);
    }

    public static int compare(char x, char y) {
        return x - y;
    }

    public static native boolean isDigit(char ch);

    public static native boolean isLetter(char ch);

    public static native boolean isLetterOrDigit(char ch);

    public static native boolean isAlphabetic(int codePoint);

    public static native boolean isWhitespace(char ch);

    public static native boolean isSpaceChar(char ch);

    public static native boolean isUpperCase(char ch);

    public static native boolean isLowerCase(char ch);

    public static native char toUpperCase(char ch);

    public static native char toLowerCase(char ch);

    public static native int digit(char ch, int radix);

    public static native int getNumericValue(char ch);

    public static native char forDigit(int digit, int radix);

    public static boolean isDigit(int cp) {
        return isDigit((char) cp);
    }

    public static boolean isLetter(int cp) {
        return isLetter((char) cp);
    }

    public static boolean isWhitespace(int cp) {
        return isWhitespace((char) cp);
    }

    public static int toUpperCase(int cp) {
        return toUpperCase((char) cp);
    }

    public static int toLowerCase(int cp) {
        return toLowerCase((char) cp);
    }

    public static boolean isHighSurrogate(char ch) {
        return ch >= '\uD800' && ch <= '\uDBFF';
    }

    public static boolean isLowSurrogate(char ch) {
        return ch >= '\uDC00' && ch <= '\uDFFF';
    }
}
