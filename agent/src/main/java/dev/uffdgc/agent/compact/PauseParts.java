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
     * Relocate Start: the marker's results taken, the plan tail (allocated during the plan), the mremap (and
     * the shadow copy when verifying), UFFDIO_REGISTER, roots forwarded and top set, the cycle and the page guard
     * set up, the cycle's figures recorded (workers and fault server are woken after the resume).
     */
    public static final String[] RELOCATE_START = {"take", "tail", "mremap", "register", "roots", "setup", "record"};
    private final String[] names;
    private final long[] nanos;
    private long last;

    PauseParts(String... names) {
        this.names = names;
        this.nanos = new long[names.length];
    }

    /** At the start of the pause body: every part back to 0. */
    void begin() {
        java.util.Arrays.fill(nanos, 0);
        last = System.nanoTime();
    }

    /** Part {@code i} ends now (it began where the previous one ended). */
    void end(int i) {
        long now = System.nanoTime();
        nanos[i] += now - last;
        last = now;
    }

    void copyTo(long[] to) {
        System.arraycopy(nanos, 0, to, 0, nanos.length);
    }

    /**
     * "9.121ms = ttsp 0.011 + take 0.002 + ... + resume 0.120": {@code parts} as copied by {@link #copyTo}, the
     * resume being the pause less time to safepoint and the parts (verifyAfter and the release of the threads).
     */
    public static String format(String[] names, long[] parts, long pauseNanos, long ttspNanos) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.3fms = ttsp %.3f", pauseNanos / 1e6,
                ttspNanos / 1e6));
        long rest = pauseNanos - ttspNanos;
        for (int i = 0; i < names.length; i++) {
            b.append(String.format(Locale.ROOT, " + %s %.3f", names[i], parts[i] / 1e6));
            rest -= parts[i];
        }
        return b.append(String.format(Locale.ROOT, " + resume %.3f", rest / 1e6)).toString();
    }
}
