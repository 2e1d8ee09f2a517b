package java.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * toyvm guest library: the JDK's PrintStream API in two modes. Over one of the VM's standard streams (fd 1 or
 * 2: System.out/err) text goes to the host in one native call per print, encoded there. Over any other
 * OutputStream (a ByteArrayOutputStream, a file, a user stream) text is encoded here with the stream's charset
 * and written to it, as the JDK does.
 */
public class PrintStream extends FilterOutputStream implements Appendable, Closeable {
    private final int fd;
    private final boolean autoFlush;
    private final Charset charset;
    private boolean trouble;
    private boolean closing;

    /** The VM's stdout (1) or stderr (2). */
    public PrintStream(int fd) {
        super(null);
        this.fd = fd;
        this.autoFlush = true;
        this.charset = null; // the host encodes (UTF-8); the JDK's Charset classes load only when asked for

    }

    public PrintStream(OutputStream out) {
        this(out, false);
    }

    public PrintStream(OutputStream out, boolean autoFlush) {
        this(out, autoFlush, Charset.defaultCharset());
    }

    public PrintStream(OutputStream out, boolean autoFlush, String encoding) throws UnsupportedEncodingException {
        this(out, autoFlush, toCharset(encoding));
    }

    public PrintStream(OutputStream out, boolean autoFlush, Charset charset) {
        super(java.util.Objects.requireNonNull(out, "Null output stream"));
        this.fd = -1;
        this.autoFlush = autoFlush;
        this.charset = java.util.Objects.requireNonNull(charset, "charset");
    }

    public PrintStream(String fileName) throws FileNotFoundException {
        this(new FileOutputStream(fileName), false);
    }

    public PrintStream(String fileName, String csn) throws FileNotFoundException, UnsupportedEncodingException {
        this(new FileOutputStream(fileName), false, toCharset(csn));
    }

    public PrintStream(String fileName, Charset charset) throws IOException {
        this(new FileOutputStream(fileName), false, charset);
    }

    public PrintStream(File file) throws FileNotFoundException {
        this(new FileOutputStream(file), false);
    }

    public PrintStream(File file, String csn) throws FileNotFoundException, UnsupportedEncodingException {
        this(new FileOutputStream(file), false, toCharset(csn));
    }

    public PrintStream(File file, Charset charset) throws IOException {
        this(new FileOutputStream(file), false, charset);
    }

    private static Charset toCharset(String csn) throws UnsupportedEncodingException {
        java.util.Objects.requireNonNull(csn, "charsetName");
        try {
            return Charset.forName(csn);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedEncodingException(csn);
        }
    }

    private static native void writeString(int fd, String s);

    private static native void writeBytes(int fd, byte[] b, int off, int len);

    public Charset charset() {
        return charset != null ? charset : StandardCharsets.UTF_8;
    }

    public void flush() {
        if (fd < 0) {
            try {
                out.flush();
            } catch (IOException e) {
                trouble = true;
            }
        }
    }

    public void close() {
        if (fd < 0 && !closing) {
            closing = true;
            try {
                out.close();
            } catch (IOException e) {
                trouble = true;
            }
        }
    }

    public boolean checkError() {
        flush();
        return trouble;
    }

    protected void setError() {
        trouble = true;
    }

    protected void clearError() {
        trouble = false;
    }

    public void write(int b) {
        if (fd >= 0) {
            writeBytes(fd, new byte[] {(byte) b}, 0, 1);
            return;
        }
        try {
            out.write(b);
            if (b == '\n' && autoFlush) {
                out.flush();
            }
        } catch (IOException e) {
            trouble = true;
        }
    }

    public void write(byte[] b, int off, int len) {
        if (fd >= 0) {
            writeBytes(fd, b, off, len);
            return;
        }
        try {
            out.write(b, off, len);
            if (autoFlush) {
                out.flush();
            }
        } catch (IOException e) {
            trouble = true;
        }
    }

    public void write(byte[] buf) throws IOException {
        write(buf, 0, buf.length);
    }

    public void writeBytes(byte[] buf) {
        write(buf, 0, buf.length);
    }

    private void text(String s, boolean newline) {
        if (fd >= 0) {
            writeString(fd, newline ? s + "\n" : s);
            return;
        }
        try {
            byte[] b = (newline ? s + System.lineSeparator() : s).getBytes(charset);
            out.write(b, 0, b.length);
            if (autoFlush && (newline || s.indexOf('\n') >= 0)) {
                out.flush();
            }
        } catch (IOException e) {
            trouble = true;
        }
    }

    public void print(String s) {
        text(s == null ? "null" : s, false);
    }

    public void print(Object obj) {
        print(String.valueOf(obj));
    }

    public void print(char[] s) {
        print(new String(s));
    }

    public void print(boolean b) {
        print(b ? "true" : "false");
    }

    public void print(char c) {
        print(String.valueOf(c));
    }

    public void print(int i) {
        print(String.valueOf(i));
    }

    public void print(long l) {
        print(String.valueOf(l));
    }

    public void print(float f) {
        print(String.valueOf(f));
    }

    public void print(double d) {
        print(String.valueOf(d));
    }

    public void println() {
        text("", true);
    }

    public void println(String x) {
        text(x == null ? "null" : x, true);
    }

    public void println(Object x) {
        println(String.valueOf(x));
    }

    public void println(char[] x) {
        println(new String(x));
    }

    public void println(boolean x) {
        println(String.valueOf(x));
    }

    public void println(char x) {
        println(String.valueOf(x));
    }

    public void println(int x) {
        println(String.valueOf(x));
    }

    public void println(long x) {
        println(String.valueOf(x));
    }

    public void println(float x) {
        println(String.valueOf(x));
    }

    public void println(double x) {
        println(String.valueOf(x));
    }

    public PrintStream printf(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }

    public PrintStream printf(Locale l, String format, Object... args) {
        print(String.format(l, format, args));
        return this;
    }

    public PrintStream format(String format, Object... args) {
        return printf(format, args);
    }

    public PrintStream format(Locale l, String format, Object... args) {
        return printf(l, format, args);
    }

    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    public PrintStream append(CharSequence csq, int start, int end) {
        return append(csq == null ? "null".subSequence(start, end) : csq.subSequence(start, end));
    }

    public PrintStream append(char c) {
        print(c);
        return this;
    }
}
