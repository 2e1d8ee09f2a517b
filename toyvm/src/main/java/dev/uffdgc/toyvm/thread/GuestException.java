package dev.uffdgc.toyvm.thread;

/**
 * The host-side signal that a guest exception is propagating. The exception object itself is in the throwing
 * thread's {@code pendingException} (see {@code VmThread.throwGuest}), where the collector can see and move it.
 * It lives beside the thread's state, below the interpreter, so that the thread's state names nothing above it.
 */
public final class GuestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GuestException() {
        super(null, null, false, false);
    }
}
