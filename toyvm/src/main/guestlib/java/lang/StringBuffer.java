package java.lang;

/** toyvm guest library (StringBuffer: StringBuilder's code, every public method synchronized): a growable char buffer. */
public final class StringBuffer implements CharSequence, Appendable, java.io.Serializable {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = 3388685877147921107L;
    private char[] value;
    private int count;

    public StringBuffer() {
        value = new char[16];
    }

    public StringBuffer(int capacity) {
        value = new char[capacity];
    }

    public StringBuffer(String str) {
        value = new char[str.length() + 16];
        append(str);
    }

    public StringBuffer(CharSequence seq) {
        this(seq.toString());
    }

    private void ensure(int minimum) {
        if (minimum > value.length) {
            int n = Math.max(value.length * 2 + 2, minimum);
            value = java.util.Arrays.copyOf(value, n);
        }
    }

    public synchronized int length() {
        return count;
    }

    public synchronized int capacity() {
        return value.length;
    }

    public synchronized char charAt(int index) {
        if (index < 0 || index >= count) {
            String.checkIndex(index, count);
        }
        return value[index];
    }

    public synchronized void setCharAt(int index, char ch) {
        if (index < 0 || index >= count) {
            String.checkIndex(index, count);
        }
        value[index] = ch;
    }

    public synchronized void setLength(int newLength) {
        if (newLength < 0) {
            throw new StringIndexOutOfBoundsException(newLength);
        }
        ensure(newLength);
        for (int i = count; i < newLength; i++) {
            value[i] = 0;
        }
        count = newLength;
    }

    public synchronized StringBuffer append(String str) {
        if (str == null) {
            str = "null";
        }
        int n = str.length();
        ensure(count + n);
        str.getChars(0, n, value, count);
        count += n;
        return this;
    }

    public synchronized StringBuffer append(Object obj) {
        return append(String.valueOf(obj));
    }

    public synchronized StringBuffer append(StringBuffer sb) {
        if (sb == null) {
            return append("null");
        }
        ensure(count + sb.count);
        System.arraycopy(sb.value, 0, value, count, sb.count);
        count += sb.count;
        return this;
    }

    public synchronized StringBuffer append(CharSequence s) {
        return append(String.valueOf(s));
    }

    public synchronized StringBuffer append(CharSequence s, int start, int end) {
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

    public synchronized StringBuffer append(char[] str) {
        ensure(count + str.length);
        System.arraycopy(str, 0, value, count, str.length);
        count += str.length;
        return this;
    }

    public synchronized StringBuffer append(char[] str, int offset, int len) {
        java.util.Objects.checkFromToIndex(offset, offset + len, str.length);
        ensure(count + len);
        System.arraycopy(str, offset, value, count, len);
        count += len;
        return this;
    }

    public synchronized StringBuffer append(boolean b) {
        return append(b ? "true" : "false");
    }

    public synchronized StringBuffer append(char c) {
        ensure(count + 1);
        value[count++] = c;
        return this;
    }

    public synchronized StringBuffer append(int i) {
        return append(Integer.toString(i));
    }

    public synchronized StringBuffer append(long l) {
        return append(Long.toString(l));
    }

    public synchronized StringBuffer append(float f) {
        return append(Float.toString(f));
    }

    public synchronized StringBuffer append(double d) {
        return append(Double.toString(d));
    }

    public synchronized StringBuffer appendCodePoint(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return append((char) codePoint);
        }
        return append(Character.toChars(codePoint));
    }

    public synchronized StringBuffer insert(int offset, String str) {
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

    public synchronized StringBuffer insert(int offset, char c) {
        return insert(offset, String.valueOf(c));
    }

    public synchronized StringBuffer insert(int offset, int i) {
        return insert(offset, String.valueOf(i));
    }

    public synchronized StringBuffer insert(int offset, long l) {
        return insert(offset, String.valueOf(l));
    }

    public synchronized StringBuffer insert(int offset, Object o) {
        return insert(offset, String.valueOf(o));
    }

    public synchronized StringBuffer delete(int start, int end) {
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

    public synchronized StringBuffer deleteCharAt(int index) {
        if (index < 0 || index >= count) {
            String.checkIndex(index, count);
        }
        return delete(index, index + 1);
    }

    public synchronized StringBuffer replace(int start, int end, String str) {
        if (end > count) {
            end = count;
        }
        delete(start, end);
        return insert(start, str);
    }

    public synchronized StringBuffer reverse() {
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            char c = value[i];
            value[i] = value[j];
            value[j] = c;
        }
        return this;
    }

    public synchronized int indexOf(String str) {
        return toString().indexOf(str);
    }

    public synchronized int indexOf(String str, int from) {
        return toString().indexOf(str, from);
    }

    public synchronized int lastIndexOf(String str) {
        return toString().lastIndexOf(str);
    }

    public synchronized String substring(int start) {
        return substring(start, count);
    }

    public synchronized String substring(int start, int end) {
        if (start < 0 || end > count || start > end) {
            String.checkBoundsBeginEnd(start, end, count);
        }
        return new String(value, start, end - start);
    }

    public synchronized CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    public synchronized int compareTo(StringBuffer another) {
        return toString().compareTo(another.toString());
    }

    public synchronized String toString() {
        return new String(value, 0, count);
    }


    public synchronized StringBuffer insert(int offset, double d) {
        return insert(offset, String.valueOf(d));
    }

    public synchronized StringBuffer insert(int offset, float f) {
        return insert(offset, String.valueOf(f));
    }

    public synchronized StringBuffer insert(int offset, boolean b) {
        return insert(offset, String.valueOf(b));
    }

    public synchronized StringBuffer insert(int offset, char[] str) {
        return insert(offset, new String(str));
    }

    public synchronized StringBuffer insert(int index, char[] str, int offset, int len) {
        String.checkOffset(index, count);
        String.checkBoundsBeginEnd(offset, offset + len, str.length);
        return insert(index, new String(str, offset, len));
    }

    public synchronized StringBuffer insert(int dstOffset, CharSequence s) {
        return insert(dstOffset, String.valueOf(s));
    }

    public synchronized StringBuffer insert(int dstOffset, CharSequence s, int start, int end) {
        String.checkOffset(dstOffset, count);
        CharSequence cs = s == null ? "null" : s;
        java.util.Objects.checkFromToIndex(start, end, cs.length());
        return insert(dstOffset, String.valueOf(cs.subSequence(start, end)));
    }

    public synchronized int lastIndexOf(String str, int fromIndex) {
        return toString().lastIndexOf(str, fromIndex);
    }

    public synchronized StringBuffer repeat(int codePoint, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        for (int i = 0; i < count; i++) {
            appendCodePoint(codePoint);
        }
        return this;
    }

    public synchronized StringBuffer repeat(CharSequence cs, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        String s = String.valueOf(cs);
        for (int i = 0; i < count; i++) {
            append(s);
        }
        return this;
    }

    public synchronized void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        String.checkBoundsBeginEnd(srcBegin, srcEnd, count);
        java.util.Objects.checkFromToIndex(dstBegin, dstBegin + (srcEnd - srcBegin), dst.length);
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }

    public synchronized int codePointAt(int index) {
        String.checkIndex(index, count);
        return Character.codePointAt(value, index, count);
    }

    public synchronized int codePointBefore(int index) {
        return toString().codePointBefore(index);
    }

    public synchronized int codePointCount(int beginIndex, int endIndex) {
        return toString().codePointCount(beginIndex, endIndex);
    }

    public synchronized int offsetByCodePoints(int index, int codePointOffset) {
        return toString().offsetByCodePoints(index, codePointOffset);
    }

    public synchronized void ensureCapacity(int minimumCapacity) {
        if (minimumCapacity > 0) {
            ensure(minimumCapacity);
        }
    }

    public synchronized void trimToSize() {
        if (count < value.length) {
            value = java.util.Arrays.copyOf(value, count);
        }
    }
}
