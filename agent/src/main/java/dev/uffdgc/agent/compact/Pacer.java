package dev.uffdgc.agent.compact;

/**
 * When to start the next cycle so that its mark and plan are done before the heap is full, and the mutator that
 * needs memory then does not wait through them (a "mark stall" in the GC log). Adaptive, as ZGC's allocation-rate
 * rule and Shenandoah's adaptive heuristic: start when the free bytes would last less than the expected time from
 * the Init Mark request to the flip, at the current allocation rate.
 *
 * <p>The expected time is a smoothed mean plus four smoothed mean deviations of the measured ones (the estimator TCP
 * uses for its retransmission timeout, RFC 6298): it follows a slower machine within a few cycles and leaves room
 * for one cycle slower than the last. The allocation rate is smoothed the same way over intervals of at least
 * {@link #RATE_INTERVAL_NANOS} between allocation slow paths. Without a measured cycle it answers no: the first
 * cycle starts when the heap is full, and measures.
 *
 * <p>One instance per compactor; {@link #sample} and {@link #due} on the allocation slow path (any guest thread,
 * unsynchronised: a lost update only delays the estimate by a sample), {@link #markToFlip} from the thread that ran
 * the flip pause.
 */
public final class Pacer {
    /** Rate samples shorter than this are merged with the next one: a TLAB refill every few µs is noise. */
    static final long RATE_INTERVAL_NANOS = 2_000_000;
    private static final double GAIN = 0.25;

    private volatile double meanNanos = -1;
    private volatile double devNanos;
    private volatile double bytesPerNano = -1;
    private long sampleNanos;
    private long sampleBytes;

    /** A cycle took {@code nanos} from its Init Mark request to the end of its flip pause. */
    public void markToFlip(long nanos) {
        double m = meanNanos;
        if (m < 0) {
            meanNanos = nanos;
            devNanos = nanos / 2.0;
        } else {
            devNanos += GAIN * (Math.abs(nanos - m) - devNanos);
            meanNanos = m + GAIN * (nanos - m);
        }
    }

    /** The allocation slow path: {@code allocated} bytes allocated in all, at {@code now}. */
    public void sample(long now, long allocated) {
        long dt = now - sampleNanos;
        if (sampleNanos == 0 || allocated < sampleBytes) {
            sampleNanos = now;
            sampleBytes = allocated;
            return;
        }
        if (dt < RATE_INTERVAL_NANOS) {
            return;
        }
        double r = (double) (allocated - sampleBytes) / dt;
        double old = bytesPerNano;
        bytesPerNano = old < 0 ? r : old + GAIN * (r - old);
        sampleNanos = now;
        sampleBytes = allocated;
    }

    /** Whether a cycle started now would flip only just before {@code freeBytes} are used up (or after). */
    public boolean due(long freeBytes) {
        double m = meanNanos;
        double r = bytesPerNano;
        return m >= 0 && r > 0 && freeBytes < (m + 4 * devNanos) * r;
    }

    /** The time a cycle is expected to take to its flip, ms (for the log). */
    public double expectedMillis() {
        return meanNanos < 0 ? 0 : (meanNanos + 4 * devNanos) / 1e6;
    }

    /** The smoothed allocation rate, MB/s (for the log). */
    public double rateMBps() {
        return bytesPerNano < 0 ? 0 : bytesPerNano * 1e9 / (1 << 20);
    }
}
