package java.lang;

import java.io.PrintStream;

/**
 * toyvm guest library: the root of exceptions. The VM records the stack at construction (fillInStackTrace0)
 * as an int[] of method ids and line numbers; getStackTrace() turns it into StackTraceElements on demand.
 */
public class Throwable implements java.io.Serializable {
    private static final long serialVersionUID = -3042686055658047285L;
    /** Read by the JDK's own Error constructors (loaded from jrt:/); JFR tracing is never on in toyvm. */
    static volatile boolean jfrTracing;
    private static final StackTraceElement[] UNASSIGNED_STACK = new StackTraceElement[0];

    private transient int[] backtrace;
    private String detailMessage;
    private Throwable cause = this;
    private StackTraceElement[] stackTrace = UNASSIGNED_STACK;
    private Throwable[] suppressed;

    public Throwable() {
        fillInStackTrace();
    }

    public Throwable(String message) {
        fillInStackTrace();
        detailMessage = message;
    }

    public Throwable(String message, Throwable cause) {
        fillInStackTrace();
        detailMessage = message;
        this.cause = cause;
    }

    public Throwable(Throwable cause) {
        fillInStackTrace();
        detailMessage = (cause == null ? null : cause.toString());
        this.cause = cause;
    }

    protected Throwable(String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
        if (writableStackTrace) {
            fillInStackTrace();
        } else {
            stackTrace = null;
        }
        detailMessage = message;
        this.cause = cause;
    }

    public String getMessage() {
        return detailMessage;
    }

    public String getLocalizedMessage() {
        return getMessage();
    }

    public synchronized Throwable getCause() {
        return (cause == this ? null : cause);
    }

    public synchronized Throwable initCause(Throwable cause) {
        if (this.cause != this) {
            throw new IllegalStateException("Can't overwrite cause with " + String.valueOf(cause), this);
        }
        if (cause == this) {
            throw new IllegalArgumentException("Self-causation not permitted", this);
        }
        this.cause = cause;
        return this;
    }

    public String toString() {
        String s = getClass().getName();
        String message = getLocalizedMessage();
        return (message != null) ? (s + ": " + message) : s;
    }

    public synchronized Throwable fillInStackTrace() {
        if (stackTrace != null || backtrace != null) {
            backtrace = fillInStackTrace0();
            stackTrace = UNASSIGNED_STACK;
        }
        return this;
    }

    private native int[] fillInStackTrace0();

    private static native String frameClass(int methodId);

    private static native String frameMethod(int methodId);

    private static native String frameFile(int methodId);

    public StackTraceElement[] getStackTrace() {
        return getOurStackTrace().clone();
    }

    private synchronized StackTraceElement[] getOurStackTrace() {
        if (stackTrace == UNASSIGNED_STACK && backtrace != null) {
            int n = backtrace.length / 2;
            StackTraceElement[] st = new StackTraceElement[n];
            for (int i = 0; i < n; i++) {
                int id = backtrace[2 * i];
                st[i] = new StackTraceElement(frameClass(id), frameMethod(id), frameFile(id), backtrace[2 * i + 1]);
            }
            stackTrace = st;
        } else if (stackTrace == null) {
            return UNASSIGNED_STACK;
        }
        return stackTrace;
    }

    public void setStackTrace(StackTraceElement[] stackTrace) {
        this.stackTrace = stackTrace.clone();
        this.backtrace = null;
    }

    public final synchronized void addSuppressed(Throwable exception) {
        if (exception == this) {
            throw new IllegalArgumentException("Self-suppression not permitted", exception);
        }
        if (exception == null) {
            throw new NullPointerException("Cannot suppress a null exception.");
        }
        if (suppressed == null) {
            suppressed = new Throwable[] {exception};
        } else {
            Throwable[] s = java.util.Arrays.copyOf(suppressed, suppressed.length + 1);
            s[suppressed.length] = exception;
            suppressed = s;
        }
    }

    public final synchronized Throwable[] getSuppressed() {
        return suppressed == null ? new Throwable[0] : suppressed.clone();
    }

    public void printStackTrace() {
        printStackTrace(System.err);
    }

    public void printStackTrace(PrintStream s) {
        printStackTraceTo(s);
    }

    public void printStackTrace(java.io.PrintWriter s) {
        printStackTraceTo(s);
    }

    /** One writer for both kinds of sink (the JDK wraps them in a PrintStreamOrWriter; this is the same idea). */
    private static void println(Object sink, String line) {
        if (sink instanceof PrintStream ps) {
            ps.println(line);
        } else {
            ((java.io.PrintWriter) sink).println(line);
        }
    }

    private void printStackTraceTo(Object s) {
        println(s, String.valueOf(this));
        StackTraceElement[] trace = getOurStackTrace();
        for (StackTraceElement traceElement : trace) {
            println(s, "\tat " + traceElement);
        }
        for (Throwable se : getSuppressed()) {
            se.printEnclosedStackTrace(s, trace, "Suppressed: ", "\t");
        }
        Throwable ourCause = getCause();
        if (ourCause != null) {
            ourCause.printEnclosedStackTrace(s, trace, "Caused by: ", "");
        }
    }

    private void printEnclosedStackTrace(Object s, StackTraceElement[] enclosingTrace, String caption,
            String prefix) {
        StackTraceElement[] trace = getOurStackTrace();
        int m = trace.length - 1;
        int n = enclosingTrace.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosingTrace[n])) {
            m--;
            n--;
        }
        int framesInCommon = trace.length - 1 - m;
        println(s, prefix + caption + this);
        for (int i = 0; i <= m; i++) {
            println(s, prefix + "\tat " + trace[i]);
        }
        if (framesInCommon != 0) {
            println(s, prefix + "\t... " + framesInCommon + " more");
        }
        for (Throwable se : getSuppressed()) {
            se.printEnclosedStackTrace(s, trace, "Suppressed: ", prefix + "\t");
        }
        Throwable ourCause = getCause();
        if (ourCause != null) {
            ourCause.printEnclosedStackTrace(s, trace, "Caused by: ", prefix);
        }
    }
}
