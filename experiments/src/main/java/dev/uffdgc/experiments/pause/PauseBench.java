package dev.uffdgc.experiments.pause;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./uffd-gc bench pause}: the pause workload family. A live set of 8, 64, ... MiB (heap 4x live) that
 * 1, 2 and 4 guest threads keep replacing ({@code samples/LiveSetChurn}), run under toyvm's collectors (stw, the
 * agent's copy and move) and on HotSpot with ZGC, Shenandoah, G1 and Serial — the same class files and -Xmx —
 * so the anchors are measured beside us in one run. Every run is a child JVM; its pauses come from the safepoint
 * log (see {@link PauseLog}), and its output must equal HotSpot's. A program, not a test: it prints what it
 * measured and writes pauses.csv, pauses.md and PNG plots to --out.
 */
public final class PauseBench {
    private PauseBench() {
    }

    public static void main(String[] args) {
        PauseOptions o;
        try {
            o = PauseOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench pause: " + e.getMessage());
            System.err.print(PauseOptions.USAGE);
            System.exit(2);
            return;
        }
        if (o.help) {
            System.out.print(PauseOptions.USAGE);
            return;
        }
        System.exit(run(o));
    }

    /** The HotSpot reference run, then every mode; true if one failed. */
    private static boolean runWorkload(PauseOptions o, PauseRun.Workload w, Path logs, List<PauseRun.Result> results) {
        if (w.heapMb() < 2 * w.live()) {
            for (String mode : o.modes) {
                PauseRun.Result r = PauseRun.run(o, mode, w, logs);
                System.out.printf("  %s %-19s %s%n", w.name(), mode, r.status());
                results.add(r);
            }
            return false;
        }
        String expected;
        try {
            expected = PauseRun.reference(o, w, logs);
        } catch (IllegalStateException e) {
            System.err.println("bench pause: " + w.name() + ": " + e.getMessage());
            return true;
        }
        boolean failed = false;
        for (String mode : o.modes) {
            PauseRun.Result r = PauseRun.run(o, mode, w, logs);
            if (r.ok() && !r.output().equals(expected)) {
                r = new PauseRun.Result(r.mode(), w, "failed: output differs from HotSpot's", r.log(), r.wallSeconds(),
                        r.cpuSeconds(), r.output());
            }
            failed |= r.status().startsWith("failed");
            System.out.printf("  %s (churn %d) %-19s %s%n", w.name(), w.churn(), mode, r.ok()
                    ? String.format(java.util.Locale.ROOT, "%.1f s, %d cycles, %d pauses", r.wallSeconds(),
                            r.log().cycles(), r.log().pauses().size()) : r.status());
            results.add(r);
        }
        return failed;
    }

    static int run(PauseOptions o) {
        Path logs = o.out.resolve("logs");
        try {
            Files.createDirectories(logs.resolve("reference"));
        } catch (IOException e) {
            System.err.println("bench pause: cannot create " + logs + ": " + e.getMessage());
            return 2;
        }
        System.out.printf("bench pause: live %s MiB, heaps %s, threads %s, %s, modes %s; logs in %s%n", o.live,
                o.heaps.isEmpty() ? "4x live" : o.heaps + " MiB", o.threads,
                o.churn > 0 ? "churn " + o.churn : "~" + o.cycles + " cycles per run", String.join(",", o.modes), logs);
        List<PauseRun.Result> results = new ArrayList<>();
        boolean failed = false;
        for (int live : o.live) {
            for (int asked : o.heapsFor(live)) {
                int heap = PauseRun.Workload.heap(asked);
                if (heap != asked) {
                    System.out.printf("  live %d MiB: heap %d MiB capped at %d MiB (toyvm's limit), every"
                            + " mode alike%n", live, asked, heap);
                }
                for (int threads : o.threads) {
                    failed |= runWorkload(o, new PauseRun.Workload(live, heap, threads, o.churnFor(live, heap)), logs,
                            results);
                }
            }
        }
        System.out.println();
        System.out.print(PauseReport.table(results));
        PauseReport.write(o.out, results);
        System.out.println("\nwrote " + o.out.resolve("pauses.csv") + ", pauses.md and PNG plots");
        return failed ? 1 : 0;
    }
}
