package java.lang;

/** toyvm guest library: a growable char buffer. */
public final class StringBuilder implements CharSequence, Appendable, java.io.Serializable {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = 4383685877147921099L;
    private char[] value;
    private int count;

    public StringBuilder() {
        value = new char[16];
    }

    public StringBuilder(int capacity) {
        value = new char[capacity];
    }

    public StringBuilder(String str) {
        value = new char[str.length() + 16];
        append(str);
    }

    public StringBuilder(CharSequence seq) {
        this(seq.toString());
    }

    private void ensure(int minimum) {
        if (minimum > value.length) {
            int n = Math.max(value.length * 2 + 2, minimum);
            value = java.util.Arrays.copyOf(value, n);
        }
    }

    public int length() {
        return count;
    }

    public int capacity() {
        return value.length;
    }

    public char charAt(int index) {
        if (index < 0 || index >= count) {
            String.checkIndex(index, count);
        }
        return value[index];
    }

    public void setCharAt(int index, char ch) {
        if (index < 0 || index >= count) {
            String.checkIndex(index, count);
        }
        value[index] = ch;
    }

    public void setLength(int newLength) {
        if (newLength < 0) {
            throw new StringIndexOutOfBoundsException(newLength);
        }
        ensure(newLength);
        for (int i = count; i < newLength; i++) {
            value[i] = 0;
        }
        count = newLength;
    }

    public StringBuilder append(String str) {
        if (str == null) {
            str = "null";
        }
        int n = str.length();
        ensure(count + n);
        str.getChars(0, n, value, count);
        count += n;
        return this;
    }

    public StringBuilder append(Object obj) {
        return append(String.valueOf(obj));
    }

    public StringBuilder append(StringBuilder sb) {
        if (sb == null) {
            return append("null");
        }
        ensure(count + sb.count);
        System.arraycopy(sb.value, 0, value, count, sb.count);
        count += sb.count;
        return this;
    }

    public StringBuilder append(CharSequence s) {
        return append(String.valueOf(s));
    }

    public StringBuilder append(CharSequence s, int start, int end) {
        if (s == null) {
            s = "null";
        }
        java.util.Objects.checkFromToIndex(start, end, s.length());
        ensure(count + end - start);
        for (int i = start; i < end; i++) {
            value[count++] = s.charAt(i);
        }
        return this;
    }

    public StringBuilder append(char[] str) {
        ensure(count + str.length);
        System.arraycopy(str, 0, value, count, str.length);
        count += str.length;
        return this;
    }

    public StringBuilder append(char[] str, int offset, int len) {
        java.util.Objects.checkFromToIndex(offset, offset + len, str.length);
        ensure(count + len);
        System.arraycopy(str, offset, value, count, len);
        count += len;
        return this;
    }

    public StringBuilder append(boolean b) {
        return append(b ? "true" : "false");
    }

    public StringBuilder append(char c) {
        ensure(count + 1);
        value[count++] = c;
        return this;
    }

    public StringBuilder append(int i) {
        return append(Integer.toString(i));
    }

    public StringBuilder append(long l) {
        return append(Long.toString(l));
    }

    public StringBuilder append(float f) {
        return append(Float.toString(f));
    }

    public StringBuilder append(double d) {
        return append(Double.toString(d));
    }

    public StringBuilder appendCodePoint(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return append((char) codePoint);
        }
        return append(Character.toChars(codePoint));
    }

    public StringBuilder insert(int offset, String str) {
        if (offset < 0 || offset > count) {
            String.checkOffset(offset, count);
        }
        if (str == null) {
            str = "null";
        }
        int n = str.length();
        ensure(count + n);
        System.arraycopy(value, offset, value, offset + n, count - offset);
        str.getChars(0, n, value, offset);
        count += n;
        return this;
    }

    public StringBuilder insert(int offset, char c) {
        return insert(offset, String.valueOf(c));
    }

    public StringBuilder insert(int offset, int i) {
        return insert(offset, String.valueOf(i));
    }

    public StringBuilder insert(int offset, long l) {
        return insert(offset, String.valueOf(l));
    }

    public StringBuilder insert(int offset, Object o) {
        return insert(offset, String.valueOf(o));
    }

    public StringBuilder delete(int start, int end) {
        if (end > count) {
            end = count;
        }
        if (start < 0 || start > end) {
            String.checkBoundsBeginEnd(start, end, count);
        }
        System.arraycopy(value, end, value, start, count - end);
        count -= end - start;
        return this;
    }

    public StringBuilder deleteCharAt(int index) {
        if (index < 0 || index >= count) {
            String.checkIndex(index, count);
        }
        return delete(index, index + 1);
    }

    public StringBuilder replace(int start, int end, String str) {
        if (end > count) {
            end = count;
        }
        delete(start, end);
        return insert(start, str);
    }

    public StringBuilder reverse() {
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            char c = value[i];
            value[i] = value[j];
            value[j] = c;
        }
        return this;
    }

    public int indexOf(String str) {
        return toString().indexOf(str);
    }

    public int indexOf(String str, int from) {
        return toString().indexOf(str, from);
    }

    public int lastIndexOf(String str) {
        return toString().lastIndexOf(str);
    }

    public String substring(int start) {
        return substring(start, count);
    }

    public String substring(int start, int end) {
        if (start < 0 || end > count || start > end) {
            String.checkBoundsBeginEnd(start, end, count);
        }
        return new String(value, start, end - start);
    }

    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    public int compareTo(StringBuilder another) {
        return toString().compareTo(another.toString());
    }

    public String toString() {
        return new String(value, 0, count);
    }


    public StringBuilder append(StringBuffer sb) {
        return append(String.valueOf(sb));
    }

    public StringBuilder insert(int offset, double d) {
        return insert(offset, String.valueOf(d));
    }

    public StringBuilder insert(int offset, float f) {
        return insert(offset, String.valueOf(f));
    }

    public StringBuilder insert(int offset, boolean b) {
        return insert(offset, String.valueOf(b));
    }

    public StringBuilder insert(int offset, char[] str) {
        return insert(offset, new String(str));
    }

    public StringBuilder insert(int index, char[] str, int offset, int len) {
        String.checkOffset(index, count);
        String.checkBoundsBeginEnd(offset, offset + len, str.length);
        return insert(index, new String(str, offset, len));
    }

    public StringBuilder insert(int dstOffset, CharSequence s) {
        return insert(dstOffset, String.valueOf(s));
    }

    public StringBuilder insert(int dstOffset, CharSequence s, int start, int end) {
        String.checkOffset(dstOffset, count);
        CharSequence cs = s == null ? "null" : s;
        java.util.Objects.checkFromToIndex(start, end, cs.length());
        return insert(dstOffset, String.valueOf(cs.subSequence(start, end)));
    }

    public int lastIndexOf(String str, int fromIndex) {
        return toString().lastIndexOf(str, fromIndex);
    }

    public StringBuilder repeat(int codePoint, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        for (int i = 0; i < count; i++) {
            appendCodePoint(codePoint);
        }
        return this;
    }

    public StringBuilder repeat(CharSequence cs, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        String s = String.valueOf(cs);
        for (int i = 0; i < count; i++) {
            append(s);
        }
        return this;
    }

    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        String.checkBoundsBeginEnd(srcBegin, srcEnd, count);
        java.util.Objects.checkFromToIndex(dstBegin, dstBegin + (srcEnd - srcBegin), dst.length);
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }

    public int codePointAt(int index) {
        String.checkIndex(index, count);
        return Character.codePointAt(value, index, count);
    }

    public int codePointBefore(int index) {
        return toString().codePointBefore(index);
    }

    public int codePointCount(int beginIndex, int endIndex) {
        return toString().codePointCount(beginIndex, endIndex);
    }

    public int offsetByCodePoints(int index, int codePointOffset) {
        return toString().offsetByCodePoints(index, codePointOffset);
    }

    public void ensureCapacity(int minimumCapacity) {
        if (minimumCapacity > 0) {
            ensure(minimumCapacity);
        }
    }

    public void trimToSize() {
        if (count < value.length) {
            value = java.util.Arrays.copyOf(value, count);
        }
    }
}
