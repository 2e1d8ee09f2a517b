package dev.uffdgc.kernel.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the bench's table and the one-line verdict. */
final class ResultTable {
    private ResultTable() {
    }

    private static final String FORMAT = "%-17s %-9s %12s %12s %8s %13s %9s %8s%n";

    static void print(PrintStream out, List<RowResult> results) {
        out.printf(Locale.ROOT, FORMAT, "row", "unit", "Java", "C", "C/Java", "per round", "goal", "alloc B");
        for (RowResult r : results) {
            String spread = Double.isNaN(r.ratioMin()) ? "-"
                    : String.format(Locale.ROOT, "%.2f..%.2f", r.ratioMin(), r.ratioMax());
            String goal = r.gated() ? (r.met() ? "yes" : "NO") : (r.met() ? "(yes)" : "(no)");
            out.printf(Locale.ROOT, FORMAT, r.name(), r.unit(), number(r.java()), number(r.c()),
                    String.format(Locale.ROOT, "%.2f", r.ratio()), spread, goal, r.allocated());
        }
        out.println();
        out.printf(Locale.ROOT, "C/Java = C time / Java time (1.00 = parity). Goal: >= %.2f on the 16-page rows"
                + " (move_16, copy_16); (yes)/(no) rows are informational.%n", RowResult.GOAL);
        out.println("alloc B = bytes the Java timed part allocated, max over rounds (fault row: both threads).");
        out.println(verdict(results));
    }

    static String verdict(List<RowResult> results) {
        StringBuilder missed = new StringBuilder();
        for (RowResult r : results) {
            if (r.gated() && !r.met()) {
                missed.append(missed.isEmpty() ? "" : ", ").append(r.name());
            }
        }
        return missed.isEmpty() ? "goal met on every batched row" : "goal MISSED on: " + missed;
    }

    private static String number(double v) {
        return v >= 1e6 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
