package java.io;

/** toyvm guest library: text output to the VM's stdout (fd 1) or stderr (fd 2), encoded by the host. */
public class PrintStream extends OutputStream implements Appendable, Closeable {
    private final int fd;

    public PrintStream(int fd) {
        this.fd = fd;
    }

    private static native void writeString(int fd, String s);

    private static native void writeBytes(int fd, byte[] b, int off, int len);

    public void write(int b) {
        writeBytes(fd, new byte[] {(byte) b}, 0, 1);
    }

    public void write(byte[] b, int off, int len) {
        writeBytes(fd, b, off, len);
    }

    public void flush() {
    }

    public void close() {
    }

    public void print(String s) {
        writeString(fd, s == null ? "null" : s);
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
        print("\n");
    }

    public void println(String x) {
        print((x == null ? "null" : x) + "\n");
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

    public PrintStream format(String format, Object... args) {
        return printf(format, args);
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
