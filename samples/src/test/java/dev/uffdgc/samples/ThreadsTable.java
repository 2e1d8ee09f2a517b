package dev.uffdgc.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link InterpBench}'s threaded section: every threaded sample (SampleLine#threaded) whose thread count is an
 * argument runs with 1 and with 4 mutator threads doing the same total work, in-process through toyvm's API
 * ({@link ToyvmStats}), several rounds. It prints the built-in collector's pause per MB live (time in the
 * collector's entry, including stopping and resuming the world, over the heap occupancy after each collection)
 * and the time to safepoint (p50/p99/max, every pause of every round pooled) that the extra threads cost.
 */
final class ThreadsTable {
    private static final double MB = 1 << 20;
    /** Small enough that every variant collects several times (at the bench's 16m the LRU cache never does). */
    static final String HEAP = "2m";

    private ThreadsTable() {}

    /** The sample line with {@code threads} mutator threads and the same total work, or null if not variable. */
    static SampleLine withThreads(SampleLine s, int threads) {
        List<String> a = new ArrayList<>(s.args());
        switch (s.simpleName()) {
            case "ThreadedLruCache" -> { // workers, requests per worker: keep workers * requests
                long total = Long.parseLong(a.get(0)) * Long.parseLong(a.get(1));
                a.set(0, Integer.toString(threads));
                a.set(1, Long.toString(total / threads));
            }
            case "ParallelBinaryTrees" -> a.set(1, Integer.toString(threads)); // pool size; same trees
            default -> {
                return null;
            }
        }
        return new SampleLine(s.lineNumber(), s.mainClass(), List.copyOf(a));
    }

    static void print(Path classes, List<SampleLine> samples, int rounds) {
        String heap = HEAP;
        System.out.printf("%nthreaded samples, in-process, %d rounds each, -Xmx%s%n", rounds, heap);
        System.out.printf("%-20s %7s %4s %10s %9s %9s %9s%n", "sample", "threads", "GCs", "ms/MB live",
                "ttsp p50", "ttsp p99", "ttsp max");
        for (SampleLine s : samples) {
            for (int threads : new int[] {1, 4}) {
                SampleLine variant = s.threaded() ? withThreads(s, threads) : null;
                if (variant != null) {
                    row(classes, variant, threads, heap, rounds);
                }
            }
        }
        System.out.println("""
                ms/MB live: median over rounds of (time in the collector, world stop and resume included) / (MB
                occupied after each collection, summed). ttsp: time from the pause request until every other
                thread stood at a safepoint or was blocked, in ms.""");
    }

    private static void row(Path classes, SampleLine line, int threads, String heap, int rounds) {
        double[] perMb = new double[rounds];
        List<Long> ttsp = new ArrayList<>();
        int gcs = 0;
        for (int r = 0; r < rounds; r++) {
            ToyvmStats.Stats st = ToyvmStats.measure(classes, line, heap);
            perMb[r] = st.liveAfterSum() > 0 ? st.pauseNanos() / 1e6 / (st.liveAfterSum() / MB) : Double.NaN;
            Arrays.stream(st.ttsp()).forEach(ttsp::add);
            gcs = st.collections();
        }
        Arrays.sort(perMb);
        long[] t = ttsp.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-20s %7d %4d %10s %9s %9s %9s%n", line.simpleName(), threads, gcs,
                Double.isNaN(perMb[rounds / 2]) ? "n/a" : String.format("%.2f", perMb[rounds / 2]),
                ms(t, 0.50), ms(t, 0.99), ms(t, 1.0));
    }

    /** The q-quantile (nearest rank) in ms, or n/a without pauses. */
    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "n/a";
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return String.format("%.3f", sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6);
    }
}
