package dev.uffdgc.agent.compact;

import java.util.Locale;

/**
 * Where one kind of pause spends its time: the body's parts, each timed by the pausing thread as it ends
 * ({@link #begin}, then {@link #end} per part, in order), and what the body does not cover — time to safepoint
 * before it, the resume after it — from the pause's whole figure (request to resume). Reused for every pause
 * of its kind (nothing is allocated in a pause); {@link #copyTo} hands a cycle its figures.
 *
 * <p>Why: a pause's total alone says nothing about which call to attack; GC(0)'s flip pause was 9-34 ms in
 * bench pause while the flip's mremap + register + roots ({@code flipNanos}) was 2.8-29 ms of it.
 */
public final class PauseParts {
    /**
     * Init Mark: the roots copied (and the verifier, when on), the SATB barrier installed, the phase moved (the
     * marker is woken after the resume).
     */
    public static final String[] INIT_MARK = {"roots", "barrier", "phase"};
    /** Final Mark: the marker's results taken, barrier off + SATB drain (+ verifiers), the phase moved. */
    public static final String[] FINAL_MARK = {"take", "drain", "phase"};
    /**
     * Relocate Start: the marker's results taken, the plan tail (allocated during the plan), the from-space
     * reserved (address space only), the mremap (and the shadow copy when verifying), UFFDIO_REGISTER, roots forwarded and top set, the cycle and the page guard
     * set up, the cycle's figures recorded (workers and fault server are woken after the resume).
     */
    public static final String[] RELOCATE_START = {"take", "tail", "reserve", "mremap", "register", "roots", "setup",
        "record"};
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private final String[] names;
    /** The parts, then (at {@code names.length}) the pausing thread's CPU time over the body. */
    private final long[] nanos;
    private long last;
    private long cpuAtBegin;

    PauseParts(String... names) {
        this.names = names;
        this.nanos = new long[slots(names)];
    }

    /** The length of a parts array for {@code names}: one per part, and the body's CPU time. */
    public static int slots(String[] names) {
        return names.length + 1;
    }

    /** At the start of the pause body: every part back to 0. */
    void begin() {
        java.util.Arrays.fill(nanos, 0);
        last = System.nanoTime();
        cpuAtBegin = CPU.getCurrentThreadCpuTime(); // a clock_gettime(CLOCK_THREAD_CPUTIME_ID), ~1 µs
    }

    /**
     * Part {@code i} ends now (it began where the previous one ended). The last part also reads the thread's CPU
     * time: a body whose wall time is far above it waited for a CPU (it was descheduled) rather than worked.
     */
    void end(int i) {
        if (i == names.length - 1) { // read inside the wall-clock window, so the CPU time cannot exceed it
            nanos[names.length] = CPU.getCurrentThreadCpuTime() - cpuAtBegin;
        }
        long now = System.nanoTime();
        nanos[i] += now - last;
        last = now;
    }

    void copyTo(long[] to) {
        System.arraycopy(nanos, 0, to, 0, nanos.length);
    }

    /**
     * "9.121ms = ttsp 0.011 + take 0.002 + ... + resume 0.120 (body on CPU 0.350 of 8.990)": {@code parts} as copied
     * by {@link #copyTo}, the resume being the pause less time to safepoint and the parts (verifyAfter and the
     * release of the threads), and how much of the body the pausing thread spent on a CPU.
     */
    public static String format(String[] names, long[] parts, long pauseNanos, long ttspNanos) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.3fms = ttsp %.3f", pauseNanos / 1e6,
                ttspNanos / 1e6));
        long rest = pauseNanos - ttspNanos;
        long body = 0;
        for (int i = 0; i < names.length; i++) {
            b.append(String.format(Locale.ROOT, " + %s %.3f", names[i], parts[i] / 1e6));
            body += parts[i];
        }
        return b.append(String.format(Locale.ROOT, " + resume %.3f (body on CPU %.3f of %.3f)", (rest - body) / 1e6,
                parts[names.length] / 1e6, body / 1e6)).toString();
    }
}
