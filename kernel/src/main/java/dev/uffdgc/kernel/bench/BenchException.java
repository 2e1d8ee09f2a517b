package dev.uffdgc.kernel.bench;

/** The bench cannot go on (gcc missing, the C floor failed, ...); the message says why and what to do. */
public final class BenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
