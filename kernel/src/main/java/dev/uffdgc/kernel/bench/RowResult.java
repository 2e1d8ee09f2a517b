package dev.uffdgc.kernel.bench;

import java.util.Arrays;

/**
 * The outcome of one row: Java and C medians in the row's unit, the spread of the per-round speed ratio (when
 * rounds were interleaved), and the most the Java timed part allocated in any round.
 *
 * @param ratioMin NaN when the C rounds ran apart from the Java rounds (no per-round pairs)
 */
public record RowResult(String name, String unit, boolean gated, double java, double c, double ratioMin, double ratioMax,
                 long allocated) {

    /** Java must be at least this fast relative to C on every gated row. */
    static final double GOAL = 0.8;

    /** Speed of Java relative to C: C time / Java time, so 1.0 is parity and {@link #GOAL} the bar. */
    public double ratio() {
        return c / java;
    }

    public boolean met() {
        return ratio() >= GOAL;
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
