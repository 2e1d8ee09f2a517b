package java.lang;

/** toyvm guest library: the char box; classification is a host intrinsic (the JDK's Unicode tables). */
public final class Character implements java.io.Serializable, Comparable<Character> {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = 3786198910865385080L;
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

    // JDK 25 API run by the host twin (HostMirror), generated from GuestlibApiTest's gap list.
    public static final byte COMBINING_SPACING_MARK = (byte) 8;
    public static final byte CONNECTOR_PUNCTUATION = (byte) 23;
    public static final byte CONTROL = (byte) 15;
    public static final byte CURRENCY_SYMBOL = (byte) 26;
    public static final byte DASH_PUNCTUATION = (byte) 20;
    public static final byte DECIMAL_DIGIT_NUMBER = (byte) 9;
    public static final byte DIRECTIONALITY_ARABIC_NUMBER = (byte) 6;
    public static final byte DIRECTIONALITY_BOUNDARY_NEUTRAL = (byte) 9;
    public static final byte DIRECTIONALITY_COMMON_NUMBER_SEPARATOR = (byte) 7;
    public static final byte DIRECTIONALITY_EUROPEAN_NUMBER = (byte) 3;
    public static final byte DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR = (byte) 4;
    public static final byte DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR = (byte) 5;
    public static final byte DIRECTIONALITY_FIRST_STRONG_ISOLATE = (byte) 21;
    public static final byte DIRECTIONALITY_LEFT_TO_RIGHT = (byte) 0;
    public static final byte DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING = (byte) 14;
    public static final byte DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE = (byte) 19;
    public static final byte DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE = (byte) 15;
    public static final byte DIRECTIONALITY_NONSPACING_MARK = (byte) 8;
    public static final byte DIRECTIONALITY_OTHER_NEUTRALS = (byte) 13;
    public static final byte DIRECTIONALITY_PARAGRAPH_SEPARATOR = (byte) 10;
    public static final byte DIRECTIONALITY_POP_DIRECTIONAL_FORMAT = (byte) 18;
    public static final byte DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE = (byte) 22;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT = (byte) 1;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC = (byte) 2;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING = (byte) 16;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE = (byte) 20;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE = (byte) 17;
    public static final byte DIRECTIONALITY_SEGMENT_SEPARATOR = (byte) 11;
    public static final byte DIRECTIONALITY_UNDEFINED = (byte) -1;
    public static final byte DIRECTIONALITY_WHITESPACE = (byte) 12;
    public static final byte ENCLOSING_MARK = (byte) 7;
    public static final byte END_PUNCTUATION = (byte) 22;
    public static final byte FINAL_QUOTE_PUNCTUATION = (byte) 30;
    public static final byte FORMAT = (byte) 16;
    public static final byte INITIAL_QUOTE_PUNCTUATION = (byte) 29;
    public static final byte LETTER_NUMBER = (byte) 10;
    public static final byte LINE_SEPARATOR = (byte) 13;
    public static final byte LOWERCASE_LETTER = (byte) 2;
    public static final byte MATH_SYMBOL = (byte) 25;
    public static final int MAX_CODE_POINT = 1114111;
    public static final char MAX_HIGH_SURROGATE = (char) 56319;
    public static final char MAX_LOW_SURROGATE = (char) 57343;
    public static final char MAX_SURROGATE = (char) 57343;
    public static final int MIN_CODE_POINT = 0;
    public static final char MIN_HIGH_SURROGATE = (char) 55296;
    public static final char MIN_LOW_SURROGATE = (char) 56320;
    public static final int MIN_SUPPLEMENTARY_CODE_POINT = 65536;
    public static final char MIN_SURROGATE = (char) 55296;
    public static final byte MODIFIER_LETTER = (byte) 4;
    public static final byte MODIFIER_SYMBOL = (byte) 27;
    public static final byte NON_SPACING_MARK = (byte) 6;
    public static final byte OTHER_LETTER = (byte) 5;
    public static final byte OTHER_NUMBER = (byte) 11;
    public static final byte OTHER_PUNCTUATION = (byte) 24;
    public static final byte OTHER_SYMBOL = (byte) 28;
    public static final byte PARAGRAPH_SEPARATOR = (byte) 14;
    public static final byte PRIVATE_USE = (byte) 18;
    public static final byte SPACE_SEPARATOR = (byte) 12;
    public static final byte START_PUNCTUATION = (byte) 21;
    public static final byte SURROGATE = (byte) 19;
    public static final byte TITLECASE_LETTER = (byte) 3;
    public static final byte UNASSIGNED = (byte) 0;
    public static final byte UPPERCASE_LETTER = (byte) 1;

    public static native int charCount(int a0);
    public static native int codePointAt(char[] a0, int a1);
    public static native int codePointAt(char[] a0, int a1, int a2);
    public static native int codePointBefore(char[] a0, int a1);
    public static native int codePointBefore(char[] a0, int a1, int a2);
    public static native int codePointCount(char[] a0, int a1, int a2);
    public static native int codePointOf(java.lang.String a0);
    public static native int digit(int a0, int a1);
    public static native byte getDirectionality(char a0);
    public static native byte getDirectionality(int a0);
    public static native java.lang.String getName(int a0);
    public static native int getNumericValue(int a0);
    public static native int getType(char a0);
    public static native int getType(int a0);
    public static native char highSurrogate(int a0);
    public static native boolean isBmpCodePoint(int a0);
    public static native boolean isDefined(char a0);
    public static native boolean isDefined(int a0);
    public static native boolean isEmoji(int a0);
    public static native boolean isEmojiComponent(int a0);
    public static native boolean isEmojiModifier(int a0);
    public static native boolean isEmojiModifierBase(int a0);
    public static native boolean isEmojiPresentation(int a0);
    public static native boolean isExtendedPictographic(int a0);
    public static native boolean isISOControl(char a0);
    public static native boolean isISOControl(int a0);
    public static native boolean isIdentifierIgnorable(char a0);
    public static native boolean isIdentifierIgnorable(int a0);
    public static native boolean isIdeographic(int a0);
    public static native boolean isJavaIdentifierPart(char a0);
    public static native boolean isJavaIdentifierPart(int a0);
    public static native boolean isJavaIdentifierStart(char a0);
    public static native boolean isJavaIdentifierStart(int a0);
    public static native boolean isJavaLetter(char a0);
    public static native boolean isJavaLetterOrDigit(char a0);
    public static native boolean isLetterOrDigit(int a0);
    public static native boolean isLowerCase(int a0);
    public static native boolean isMirrored(char a0);
    public static native boolean isMirrored(int a0);
    public static native boolean isSpace(char a0);
    public static native boolean isSpaceChar(int a0);
    public static native boolean isSupplementaryCodePoint(int a0);
    public static native boolean isSurrogate(char a0);
    public static native boolean isSurrogatePair(char a0, char a1);
    public static native boolean isTitleCase(char a0);
    public static native boolean isTitleCase(int a0);
    public static native boolean isUnicodeIdentifierPart(char a0);
    public static native boolean isUnicodeIdentifierPart(int a0);
    public static native boolean isUnicodeIdentifierStart(char a0);
    public static native boolean isUnicodeIdentifierStart(int a0);
    public static native boolean isUpperCase(int a0);
    public static native boolean isValidCodePoint(int a0);
    public static native char lowSurrogate(int a0);
    public static native int offsetByCodePoints(char[] a0, int a1, int a2, int a3, int a4);
    public static native char reverseBytes(char a0);
    public static native char[] toChars(int a0);
    public static native int toChars(int a0, char[] a1, int a2);
    public static native int toCodePoint(char a0, char a1);
    public static native java.lang.String toString(int a0);
    public static native char toTitleCase(char a0);
    public static native int toTitleCase(int a0);


    public static int codePointAt(CharSequence seq, int index) {
        return String.valueOf(seq).codePointAt(index);
    }

    public static int codePointBefore(CharSequence seq, int index) {
        return String.valueOf(seq).codePointBefore(index);
    }

    public static int codePointCount(CharSequence seq, int beginIndex, int endIndex) {
        return String.valueOf(seq).codePointCount(beginIndex, endIndex);
    }

    public static int offsetByCodePoints(CharSequence seq, int index, int codePointOffset) {
        return String.valueOf(seq).offsetByCodePoints(index, codePointOffset);
    }

    public java.util.Optional<java.lang.constant.DynamicConstantDesc<Character>> describeConstable() {
        return java.util.Optional.empty();
    }
}
