package dev.uffdgc.toyvm.seam;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * GC log lines in HotSpot's unified-logging shape (uptime, level and tags decorations), which GCViewer parses:
 * {@code [0.515s][info][gc] GC(0) Pause Full (Allocation Failure) 24M->3M(256M) 2.345ms}.
 *
 * <p>Part of the seam (what a collector reports through, {@link Collection#log()}), so it knows nothing of the
 * VM: the VM hands it its standard output and its uptime clock.
 */
public final class GcLog {
    private static final long M = 1L << 20;
    private final LongSupplier uptimeNanos;
    private final PrintStream out;
    private final boolean ownsStream;
    /** Every pause of the run, whoever logs it (the built-in collector here, an agent through addPause). */
    private final java.util.concurrent.atomic.LongAdder totalPauseNanos = new java.util.concurrent.atomic.LongAdder();

    /**
     * {@code target}: null = off, "-" = {@code stdout}, otherwise a file (created or truncated).
     * {@code uptimeNanos}: the VM's uptime, the lines' first decoration.
     */
    public GcLog(String target, PrintStream stdout, LongSupplier uptimeNanos) {
        this.uptimeNanos = uptimeNanos;
        if (target == null) {
            out = null;
            ownsStream = false;
        } else if (target.equals("-")) {
            out = stdout;
            ownsStream = false;
        } else {
            try {
                out = new PrintStream(new FileOutputStream(target), true, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open gc log " + target + ": " + e.getMessage(), e);
            }
            ownsStream = true;
        }
    }

    public boolean enabled() {
        return out != null;
    }

    /** One stop-the-world pause. {@code startNanos} is System.nanoTime() when it began. */
    public void pause(int id, Collector.Cause cause, long usedBefore, long usedAfter, long capacity, long pauseNanos,
            long startNanos) {
        addPause(pauseNanos);
        line("gc", String.format(Locale.ROOT, "GC(%d) Pause Full (%s) %dM->%dM(%dM) %.3fms", id, cause.label,
                usedBefore / M, usedAfter / M, capacity / M, pauseNanos / 1e6));
    }

    /** Any unified-logging line: {@code [uptime][info][tags] message}. */
    public void line(String tags, String message) {
        if (out == null) {
            return;
        }
        double up = uptimeNanos.getAsLong() / 1e9;
        out.println(String.format(Locale.ROOT, "[%.3fs][info][%s] %s", up, tags, message));
    }

    /**
     * Counts a pause in the exit summary's total: a collector that writes its own pause lines (the agent's Init
     * Mark, Final Mark, Relocate Start) calls this once per pause, from any thread, after the world resumed.
     */
    public void addPause(long pauseNanos) {
        totalPauseNanos.add(pauseNanos);
    }

    public long totalPauseNanos() {
        return totalPauseNanos.sum();
    }

    /** At VM exit: what a benchmark needs to compute allocation rate and pause per MB live. */
    public void exitSummary(int collections, long allocatedBytes, long liveAfterLast) {
        line("gc,heap,exit", String.format(Locale.ROOT, "Allocated %dK, %d pauses, total pause %.3fms, used %dK",
                allocatedBytes >> 10, collections, totalPauseNanos.sum() / 1e6, liveAfterLast >> 10));
    }

    public void close() {
        if (out != null) {
            out.flush();
            if (ownsStream) {
                out.close();
            }
        }
    }
}
