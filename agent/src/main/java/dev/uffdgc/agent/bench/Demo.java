package dev.uffdgc.agent.bench;

import dev.uffdgc.agent.compact.CycleStats;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./uffd-gc demo}: one load program run twice in this process — under toyvm's stop-the-world collector
 * and under the agent's concurrent compactor in move mode — and a short table of what each did.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        String samples = args.length > 0 ? args[0] : null;
        // The default is threaded load: 4 guest threads building trees through an ExecutorService while the
        // compactor runs beside them. Without the samples' classes, a dense single-threaded heap of the agent's own.
        GcBench.Workload w = samples != null
                ? new GcBench.Workload("ParallelBinaryTrees", samples, "4m", "dev.uffdgc.samples.ParallelBinaryTrees",
                        "15", "4")
                : new GcBench.Workload("DenseHeap", Path.of(Demo.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI()).toString(), "48m", "dev.uffdgc.agent.bench.DenseHeap", "120000", "12", "5");
        System.out.printf(Locale.ROOT, "uffd-gc demo: %s %s on toyvm, -Xmx%s, once per collector%n%n", w.mainClass(),
                String.join(" ", w.args()), w.heap());
        GcBench.Result stw = new GcBench.Result("stw");
        GcBench.runOnce(w, "stw", stw);
        GcBench.Result move = new GcBench.Result("move");
        GcBench.runOnce(w, "move", move);
        System.out.println("collector            cycles  total pause ms  max pause ms  pages moved  reclaimed MiB  wall s");
        row("stw (built-in)", stw);
        row("move (uffd-gc)", move);
        System.out.println();
        System.out.println("guest output identical: " + stw.output.equals(move.output));
    }

    private static void row(String name, GcBench.Result r) {
        long moved = 0;
        long reclaimed = 0;
        for (CycleStats s : r.cycles) {
            moved += s.pagesMoved.sum();
            reclaimed += s.usedBefore - s.usedAfter;
        }
        System.out.printf(Locale.ROOT, "%-20s %6d  %14.2f  %12.2f  %11s  %13s  %6.2f%n", name, r.pauses.getTotalCount(),
                r.pauses.getTotalCount() * r.pauses.getMean() / 1e6, r.pauses.getMaxValue() / 1e6,
                r.cycles.isEmpty() ? "-" : Long.toString(moved),
                r.cycles.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", reclaimed / (double) (1 << 20)),
                r.wallNanos / 1e9);
    }
}
