package dev.uffdgc.toyvm;

/**
 * toyvm's exit statuses besides the guest's own System.exit code, as java's launcher uses them. Here, not in the
 * CLI, because the VM core exits with them too (a VM error in a guest thread), and core code must not depend on
 * the command line (an architecture test says so).
 */
public final class ExitStatus {
    /** main returned (and every non-daemon thread ended). */
    public static final int OK = 0;
    /** An uncaught guest exception, or no loadable main class (as java does). */
    public static final int UNCAUGHT = 1;
    /** Bad command-line flags. */
    public static final int USAGE = 2;
    /** The VM itself failed (a host exception escaped guest code, or the VM could not start). */
    public static final int VM_ERROR = 3;

    private ExitStatus() {
    }
}
