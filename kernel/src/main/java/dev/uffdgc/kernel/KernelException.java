package dev.uffdgc.kernel;

/**
 * A kernel call failed. The message names the call, the errno by name and what that errno means for the caller
 * of this particular call; {@link #errno()} and {@link #is(Errno)} let callers branch without parsing text.
 */
public final class KernelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    public KernelException(String call, int errno, String meaning) {
        super(call + " failed: " + Errno.describe(errno) + (meaning == null || meaning.isEmpty() ? "" : ": " + meaning));
        this.call = call;
        this.errno = errno;
    }

    /** The call that failed, e.g. {@code "ioctl(UFFDIO_MOVE)"}. */
    public String call() {
        return call;
    }

    /** The raw errno number. */
    public int errno() {
        return errno;
    }

    /** The errno as an enum constant, or {@code null} if it is not one this module names. */
    public Errno errnoName() {
        return Errno.of(errno);
    }

    public boolean is(Errno e) {
        return errno == e.number();
    }
}
