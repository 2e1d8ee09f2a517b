package dev.uffdgc.toyvm.interp;

/** Thrown by the guest's System.exit/Runtime.halt to unwind every frame and end the VM with a status. */
public final class VmExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int status;

    public VmExit(int status) {
        super("exit " + status, null, false, false);
        this.status = status;
    }
}
