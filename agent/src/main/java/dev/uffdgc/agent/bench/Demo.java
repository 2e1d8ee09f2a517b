package dev.uffdgc.agent.bench;

import dev.uffdgc.agent.compact.CycleStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./uffd-gc demo}: one load program run twice in this process — under toyvm's stop-the-world collector
 * and under the agent's concurrent compactor in move mode — and a short table of what each did. Both outputs are
 * compared with HotSpot's (the same class files on the host JVM): a difference ends the demo with exit 1 and a
 * line naming the collector and the first line that differs.
 *
 * <p>Arguments: {@code [samples classes dir]} (the default load), or {@code --cp DIR --heap SIZE Main [args...]}.
 */
public final class Demo {
    /** Exit status when a guest output differs from HotSpot's. */
    public static final int DIFFERS = 1;

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        GcBench.Workload w;
        if (args.length >= 5 && args[0].equals("--cp") && args[2].equals("--heap")) {
            w = new GcBench.Workload(args[4], args[1], args[3], args[4], Arrays.copyOfRange(args, 5, args.length));
        } else if (args.length > 0) {
            // The default is threaded load: 4 guest threads building trees through an ExecutorService while the
            // compactor runs beside them.
            w = new GcBench.Workload("ParallelBinaryTrees", args[0], "4m", "dev.uffdgc.samples.ParallelBinaryTrees",
                    "15", "4");
        } else { // without the samples' classes, a dense single-threaded heap of the agent's own
            w = new GcBench.Workload("DenseHeap", Path.of(Demo.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toString(), "48m", "dev.uffdgc.agent.bench.DenseHeap", "120000", "12", "5");
        }
        System.out.printf(Locale.ROOT, "uffd-gc demo: %s %s on toyvm, -Xmx%s, once per collector%n%n", w.mainClass(),
                String.join(" ", w.args()), w.heap());
        String hotspot = hotspot(w);
        GcBench.Result stw = new GcBench.Result("stw");
        GcBench.runOnce(w, "stw", stw);
        GcBench.Result move = new GcBench.Result("move");
        GcBench.runOnce(w, "move", move);
        // Pauses: every one (the agent's three per cycle), from the safepoint request to the resume; ttsp: the
        // part of each spent waiting for the guest threads to stop (issue 10).
        System.out.println("collector            cycles  pauses  total pause ms  p99 pause ms  max pause ms  ttsp p99 ms"
                + "  pages moved  reclaimed MiB  wall s");
        row("stw (built-in)", stw);
        row("move (uffd-gc)", move);
        System.out.println();
        String stwDiff = stw.status != 0 ? "the guest exited " + stw.status : difference(hotspot, stw.output);
        String moveDiff = move.status != 0 ? "the guest exited " + move.status : difference(hotspot, move.output);
        if (stwDiff == null && moveDiff == null) {
            System.out.println("guest output identical to HotSpot's (" + lines(hotspot) + " lines) under stw and move");
            return;
        }
        if (stwDiff != null) {
            System.out.println("FAIL: the guest output under stw differs from HotSpot's: " + stwDiff);
        }
        if (moveDiff != null) {
            System.out.println("FAIL: the guest output under move differs from HotSpot's: " + moveDiff);
        }
        System.out.flush();
        System.exit(DIFFERS);
    }

    /** Null if equal, else where the first difference is, e.g. {@code line 3: expected "a" but got "b"}. */
    static String difference(String expected, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        return String.format(Locale.ROOT, "line %d: expected %s but got %s", i + 1,
                i < e.length ? '"' + e[i] + '"' : "the end", i < a.length ? '"' + a[i] + '"' : "the end");
    }

    private static int lines(String s) {
        return (int) s.lines().count();
    }

    /** The workload on the host JVM, from the same class path: what the guest must print. */
    private static String hotspot(GcBench.Workload w) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", w.classPath(), w.mainClass()));
        cmd.addAll(List.of(w.args()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()),
                r -> Thread.ofVirtual().start(r));
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("demo: the HotSpot reference run did not end within 300 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("demo: the HotSpot reference run exited " + p.exitValue() + ": " + cmd);
        }
        return out.join();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(String name, GcBench.Result r) {
        long moved = 0;
        long reclaimed = 0;
        for (CycleStats s : r.cycles) {
            moved += s.pagesMoved.sum();
            reclaimed += s.usedBefore - s.usedAfter;
        }
        long pauses = r.pauses.getTotalCount();
        System.out.printf(Locale.ROOT, "%-20s %6d  %6d  %14.2f  %12.2f  %12.2f  %11.3f  %11s  %13s  %6.2f%n", name,
                r.cycles.isEmpty() ? pauses : r.cycles.size(), pauses, pauses * r.pauses.getMean() / 1e6,
                r.pauses.getValueAtPercentile(99) / 1e6, r.pauses.getMaxValue() / 1e6,
                r.ttsp.getValueAtPercentile(99) / 1e6,
                r.cycles.isEmpty() ? "-" : Long.toString(moved),
                r.cycles.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", reclaimed / (double) (1 << 20)),
                r.wallNanos / 1e9);
    }
}
