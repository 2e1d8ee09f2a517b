package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.thread.VmThread;

/**
 * The host-side signal that a guest exception is propagating. The exception object itself is in
 * {@link VmThread#pendingException}, where the collector can see and move it.
 */
public final class GuestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GuestException() {
        super(null, null, false, false);
    }
}
