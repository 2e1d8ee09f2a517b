package java.lang;

/**
 * toyvm guest library: an immutable UTF-16 string in a char[]. Hot, simple methods are plain Java (interpreted);
 * locale, regex and formatting work is delegated to host intrinsics with identical semantics.
 */
public final class String implements java.io.Serializable, Comparable<String>, CharSequence,
        java.lang.constant.Constable, java.lang.constant.ConstantDesc {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = -6849794470754667710L;
    private final char[] value;
    private int hash;

    public static final java.util.Comparator<String> CASE_INSENSITIVE_ORDER = new CaseInsensitive();

    private static final class CaseInsensitive implements java.util.Comparator<String>, java.io.Serializable {
        public int compare(String a, String b) {
            return a.compareToIgnoreCase(b);
        }
    }

    public String() {
        value = new char[0];
    }

    public String(String original) {
        value = original.value;
        hash = original.hash;
    }

    public String(char[] chars) {
        value = java.util.Arrays.copyOf(chars, chars.length);
    }

    public String(char[] chars, int offset, int count) {
        checkBoundsOffCount(offset, count, chars.length);
        value = java.util.Arrays.copyOfRange(chars, offset, offset + count);
    }

    public String(byte[] bytes) {
        value = decodeUtf8(bytes, 0, bytes.length);
    }

    public String(byte[] bytes, int offset, int length) {
        checkBoundsOffCount(offset, length, bytes.length);
        value = decodeUtf8(bytes, offset, length);
    }

    public String(StringBuilder sb) {
        value = sb.toString().value;
    }

    /** Shares {@code chars}: for the library's own freshly built arrays. */
    String(char[] chars, boolean share) {
        value = chars;
    }

    private static native char[] decodeUtf8(byte[] bytes, int offset, int length);

    // Bounds checks as the JDK's String makes them (jdk.internal.util.Preconditions, so that the exception class
    // and message are HotSpot's: "Range [2, 1) out of bounds for length 3"); tested only after a fast inline test
    // where the method is hot.

    static void checkBoundsOffCount(int offset, int count, int length) {
        jdk.internal.util.Preconditions.checkFromIndexSize(offset, count, length, jdk.internal.util.Preconditions.SIOOBE_FORMATTER);
    }

    static void checkBoundsBeginEnd(int begin, int end, int length) {
        jdk.internal.util.Preconditions.checkFromToIndex(begin, end, length, jdk.internal.util.Preconditions.SIOOBE_FORMATTER);
    }

    static void checkIndex(int index, int length) {
        jdk.internal.util.Preconditions.checkIndex(index, length, jdk.internal.util.Preconditions.SIOOBE_FORMATTER);
    }

    static void checkOffset(int offset, int length) {
        checkBoundsBeginEnd(offset, length, length);
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public char charAt(int index) {
        if (index < 0 || index >= value.length) {
            checkIndex(index, value.length);
        }
        return value[index];
    }

    /** A supplementary code point where a high surrogate is followed by a low one (it returned the lone char). */
    public int codePointAt(int index) {
        checkIndex(index, value.length);
        return Character.codePointAt(value, index, value.length);
    }

    public boolean equals(Object anObject) {
        if (this == anObject) {
            return true;
        }
        if (!(anObject instanceof String)) {
            return false;
        }
        char[] a = value;
        char[] b = ((String) anObject).value;
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    public boolean contentEquals(CharSequence cs) {
        return equals(cs.toString());
    }

    public native boolean equalsIgnoreCase(String other);

    public int hashCode() {
        int h = hash;
        if (h == 0) {
            char[] v = value;
            for (int i = 0; i < v.length; i++) {
                h = 31 * h + v[i];
            }
            hash = h;
        }
        return h;
    }

    public int compareTo(String anotherString) { // the JDK's parameter name: a helpful NPE message names it
        char[] a = value;
        char[] b = anotherString.value;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return a[i] - b[i];
            }
        }
        return a.length - b.length;
    }

    public native int compareToIgnoreCase(String str);

    public int indexOf(int ch) {
        return indexOf(ch, 0);
    }

    public int indexOf(int ch, int fromIndex) {
        char[] v = value;
        for (int i = Math.max(fromIndex, 0); i < v.length; i++) {
            if (v[i] == ch) {
                return i;
            }
        }
        return -1;
    }

    public int lastIndexOf(int ch) {
        return lastIndexOf(ch, value.length - 1);
    }

    public int lastIndexOf(int ch, int fromIndex) {
        char[] v = value;
        for (int i = Math.min(fromIndex, v.length - 1); i >= 0; i--) {
            if (v[i] == ch) {
                return i;
            }
        }
        return -1;
    }

    public int indexOf(String str) {
        return indexOf(str, 0);
    }

    public int indexOf(String str, int fromIndex) {
        char[] v = value;
        char[] s = str.value;
        int max = v.length - s.length;
        outer:
        for (int i = Math.max(fromIndex, 0); i <= max; i++) {
            for (int j = 0; j < s.length; j++) {
                if (v[i + j] != s[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public int lastIndexOf(String str) {
        return lastIndexOf(str, value.length);
    }

    public int lastIndexOf(String str, int fromIndex) {
        char[] v = value;
        char[] s = str.value;
        outer:
        for (int i = Math.min(fromIndex, v.length - s.length); i >= 0; i--) {
            for (int j = 0; j < s.length; j++) {
                if (v[i + j] != s[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public boolean contains(CharSequence s) {
        return indexOf(s.toString()) >= 0;
    }

    public boolean startsWith(String prefix, int offset) {
        char[] v = value;
        char[] p = prefix.value;
        if (offset < 0 || offset > v.length - p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (v[offset + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    public boolean startsWith(String prefix) {
        return startsWith(prefix, 0);
    }

    public boolean endsWith(String suffix) {
        return startsWith(suffix, value.length - suffix.value.length);
    }

    public String substring(int beginIndex) {
        return substring(beginIndex, value.length);
    }

    public String substring(int beginIndex, int endIndex) {
        int length = value.length;
        if (beginIndex < 0 || beginIndex > endIndex || endIndex > length) {
            checkBoundsBeginEnd(beginIndex, endIndex, length);
        }
        if (beginIndex == 0 && endIndex == length) {
            return this;
        }
        return new String(java.util.Arrays.copyOfRange(value, beginIndex, endIndex), true);
    }

    public CharSequence subSequence(int beginIndex, int endIndex) {
        return substring(beginIndex, endIndex);
    }

    public String concat(String str) {
        if (str.isEmpty()) {
            return this;
        }
        char[] r = java.util.Arrays.copyOf(value, value.length + str.value.length);
        System.arraycopy(str.value, 0, r, value.length, str.value.length);
        return new String(r, true);
    }

    public String replace(char oldChar, char newChar) {
        char[] r = java.util.Arrays.copyOf(value, value.length);
        for (int i = 0; i < r.length; i++) {
            if (r[i] == oldChar) {
                r[i] = newChar;
            }
        }
        return new String(r, true);
    }

    public String replace(CharSequence target, CharSequence replacement) {
        String t = target.toString();
        String r = replacement.toString();
        StringBuilder sb = new StringBuilder();
        int from = 0;
        if (t.isEmpty()) {
            for (int i = 0; i < value.length; i++) {
                sb.append(r).append(value[i]);
            }
            return sb.append(r).toString();
        }
        int at;
        while ((at = indexOf(t, from)) >= 0) {
            sb.append(this, from, at).append(r);
            from = at + t.length();
        }
        return sb.append(this, from, value.length).toString();
    }

    public native String replaceAll(String regex, String replacement);

    public native String replaceFirst(String regex, String replacement);

    public native boolean matches(String regex);

    public native String[] split(String regex);

    public native String[] split(String regex, int limit);

    public native String toUpperCase();

    public native String toLowerCase();

    public String trim() {
        int b = 0;
        int e = value.length;
        while (b < e && value[b] <= ' ') {
            b++;
        }
        while (e > b && value[e - 1] <= ' ') {
            e--;
        }
        return substring(b, e);
    }

    public native String strip();

    public native String stripLeading();

    public native String stripTrailing();

    public native boolean isBlank();

    public String repeat(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        char[] r = new char[value.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(value, 0, r, i * value.length, value.length);
        }
        return new String(r, true);
    }

    public char[] toCharArray() {
        return java.util.Arrays.copyOf(value, value.length);
    }

    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        if (srcBegin < 0 || srcBegin > srcEnd || srcEnd > value.length) {
            checkBoundsBeginEnd(srcBegin, srcEnd, value.length);
        }
        if (dstBegin < 0 || dstBegin > dst.length - (srcEnd - srcBegin)) {
            checkBoundsOffCount(dstBegin, srcEnd - srcBegin, dst.length);
        }
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }

    public native byte[] getBytes();

    /** Encoded by the host with the charset of the same name. */
    public byte[] getBytes(java.nio.charset.Charset charset) {
        try {
            return getBytes(charset.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public native byte[] getBytes(String charsetName) throws java.io.UnsupportedEncodingException;

    public native String intern();

    public String toString() {
        return this;
    }

    /** The JDK's own Formatter, as the JDK's String.format (its locale data from the JDK's CLDR provider). */
    public static String format(String format, Object... args) {
        return new java.util.Formatter().format(format, args).toString();
    }

    public static String format(java.util.Locale l, String format, Object... args) {
        return new java.util.Formatter(l).format(format, args).toString();
    }

    public String formatted(Object... args) {
        return format(this, args);
    }

    public static String join(CharSequence delimiter, CharSequence... elements) {
        java.util.Objects.requireNonNull(delimiter);
        java.util.Objects.requireNonNull(elements);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            sb.append(elements[i]);
        }
        return sb.toString();
    }

    public static String join(CharSequence delimiter, Iterable<? extends CharSequence> elements) {
        java.util.Objects.requireNonNull(delimiter);
        java.util.Objects.requireNonNull(elements);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (CharSequence e : elements) {
            if (!first) {
                sb.append(delimiter);
            }
            first = false;
            sb.append(e);
        }
        return sb.toString();
    }

    public static String valueOf(Object obj) {
        return obj == null ? "null" : obj.toString();
    }

    public static String valueOf(char[] data) {
        return new String(data);
    }

    public static String valueOf(char[] data, int offset, int count) {
        return new String(data, offset, count);
    }

    public static String copyValueOf(char[] data) {
        return new String(data);
    }

    public static String valueOf(boolean b) {
        return b ? "true" : "false";
    }

    public static String valueOf(char c) {
        return new String(new char[] {c}, true);
    }

    public static String valueOf(int i) {
        return Integer.toString(i);
    }

    public static String valueOf(long l) {
        return Long.toString(l);
    }

    public static String valueOf(float f) {
        return Float.toString(f);
    }

    public static String valueOf(double d) {
        return Double.toString(d);
    }

    // JDK 25 API run by the host twin (HostMirror), generated from GuestlibApiTest's gap list.
    public native int codePointBefore(int a0);
    public native int codePointCount(int a0, int a1);
    public static native java.lang.String copyValueOf(char[] a0, int a1, int a2);
    public native void getBytes(int a0, int a1, byte[] a2, int a3);
    public native java.lang.String indent(int a0);
    public native int indexOf(int a0, int a1, int a2);
    public native int indexOf(java.lang.String a0, int a1, int a2);
    public native int offsetByCodePoints(int a0, int a1);
    public native boolean regionMatches(int a0, java.lang.String a1, int a2, int a3);
    public native boolean regionMatches(boolean a0, int a1, java.lang.String a2, int a3, int a4);
    public native java.lang.String[] splitWithDelimiters(java.lang.String a0, int a1);
    public native java.lang.String stripIndent();
    public native java.lang.String translateEscapes();


    public String(StringBuffer buffer) {
        this(buffer.toString());
    }

    @Deprecated(since = "1.1")
    public String(byte[] ascii, int hibyte) {
        this(ascii, hibyte, 0, ascii.length);
    }

    @Deprecated(since = "1.1")
    public String(byte[] ascii, int hibyte, int offset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, ascii.length);
        char[] c = new char[count];
        for (int i = 0; i < count; i++) {
            c[i] = (char) (((hibyte & 0xff) << 8) | (ascii[offset + i] & 0xff));
        }
        value = c;
    }

    public String(byte[] bytes, int offset, int length, String charsetName) throws java.io.UnsupportedEncodingException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        value = decode(bytes, offset, length, charsetName);
    }

    public String(byte[] bytes, String charsetName) throws java.io.UnsupportedEncodingException {
        this(bytes, 0, bytes.length, charsetName);
    }

    public String(byte[] bytes, int offset, int length, java.nio.charset.Charset charset) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        try {
            value = decode(bytes, offset, length, charset.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public String(byte[] bytes, java.nio.charset.Charset charset) {
        this(bytes, 0, bytes.length, charset);
    }

    /** Decoded by the host with the charset of that name (malformed input replaced, as the JDK does). */
    private static native char[] decode(byte[] bytes, int offset, int length, String charsetName)
            throws java.io.UnsupportedEncodingException;

    public String(int[] codePoints, int offset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, codePoints.length);
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.appendCodePoint(codePoints[offset + i]);
        }
        value = sb.toString().value;
    }

    public boolean contentEquals(StringBuffer sb) {
        return contentEquals((CharSequence) sb);
    }

    public java.util.stream.Stream<String> lines() {
        java.util.List<String> out = new java.util.ArrayList<>();
        int start = 0;
        int n = value.length;
        for (int i = 0; i < n; i++) {
            char c = value[i];
            if (c == '\n' || c == '\r') {
                out.add(substring(start, i));
                if (c == '\r' && i + 1 < n && value[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(substring(start, n));
        }
        return out.stream();
    }

    public String toLowerCase(java.util.Locale locale) {
        return toLowerCase0(locale.toLanguageTag());
    }

    public String toUpperCase(java.util.Locale locale) {
        return toUpperCase0(locale.toLanguageTag());
    }

    private native String toLowerCase0(String languageTag);

    private native String toUpperCase0(String languageTag);

    public <R> R transform(java.util.function.Function<? super String, ? extends R> f) {
        return f.apply(this);
    }

    public java.util.Optional<String> describeConstable() {
        return java.util.Optional.of(this);
    }

    public String resolveConstantDesc(java.lang.invoke.MethodHandles.Lookup lookup) {
        return this;
    }
}
