package dev.uffdgc.experiments.pause;

import java.util.Arrays;
import java.util.List;

/**
 * Percentiles (nearest rank) and totals of one run's pauses, in milliseconds. {@code ownP99}: the p99 of each
 * pause less its own time to safepoint, the collector's part (issue 10 asks for it beside ttsp): with more guest
 * threads than CPUs the pause p99 is mostly threads waiting for a CPU to reach the safepoint, which no collector
 * change shortens. Taken pause by pause, not p99(pause) - p99(ttsp): the longest pauses need not be the ones that
 * waited longest.
 */
record PauseStats(int count, double p50, double p99, double max, double ttspP99, double ownP99, double total) {
    static PauseStats of(List<PauseLog.Pause> pauses) {
        long[] total = pauses.stream().mapToLong(PauseLog.Pause::totalNanos).sorted().toArray();
        long[] ttsp = pauses.stream().mapToLong(PauseLog.Pause::ttspNanos).sorted().toArray();
        long[] own = pauses.stream().mapToLong(p -> p.totalNanos() - p.ttspNanos()).sorted().toArray();
        return new PauseStats(total.length, ms(rank(total, 50)), ms(rank(total, 99)),
                ms(total.length == 0 ? -1 : total[total.length - 1]), ms(rank(ttsp, 99)), ms(rank(own, 99)),
                Arrays.stream(total).sum() / 1e6);
    }

    /** Nearest rank; percentile 0 is the minimum. -1 for no values. */
    static long rank(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e6;
    }
}
