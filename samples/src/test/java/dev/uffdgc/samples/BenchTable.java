package dev.uffdgc.samples;

import static dev.uffdgc.samples.InterpBench.Measurements.geomeanByRound;
import static dev.uffdgc.samples.InterpBench.Measurements.netRatio;
import static dev.uffdgc.samples.InterpBench.Measurements.netRatiosByRound;
import static dev.uffdgc.samples.InterpBench.Measurements.range;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints {@link InterpBench}'s result: one row per sample with both VMs' median wall time and their ratio, the
 * ratio again with each VM's start-up (an empty main) taken off, and toyvm's collector figures from its gc log.
 * A run that failed, or whose output differs from HotSpot's, makes its row say so instead: a benchmark of a
 * wrong answer is no benchmark.
 */
final class BenchTable {
    private static final double MB = 1 << 20;
    private final String heap;
    private final double goal;

    BenchTable(String heap, double goal) {
        this.heap = heap;
        this.goal = goal;
    }

    /** true when every program ran correctly on both VMs. */
    boolean print(InterpBench.Measurements startup, Map<SampleLine, InterpBench.Measurements> samples) {
        System.out.println();
        String startupFailure = failure(startup);
        if (startupFailure != null) {
            System.out.println("start-up (empty main) FAILED: " + startupFailure);
            return false;
        }
        double xintStart = startup.hotspotMillis();
        double toyvmStart = startup.toyvmMillis();
        System.out.printf("start-up (empty main): HotSpot -Xint %.0f ms, toyvm %.0f ms%n%n", xintStart, toyvmStart);
        System.out.printf("%-20s %8s %8s %7s %9s %11s %11s %4s %8s %10s%n", "sample", "-Xint ms", "toyvm ms", "ratio",
                "net ratio", "net rounds", "alloc MB/s", "GCs", "pause ms", "ms/MB live");
        boolean allOk = true;
        double logNet = 0;
        int timed = 0;
        int withinGoal = 0;
        List<double[]> netRounds = new ArrayList<>();
        double logCpu = 0;
        List<double[]> cpuRounds = new ArrayList<>();
        for (var e : samples.entrySet()) {
            String failure = failure(e.getValue());
            if (failure != null) {
                System.out.printf("%-20s FAILED: %s%n", e.getKey().simpleName(), failure);
                allOk = false;
                continue;
            }
            double[] rounds = netRatiosByRound(e.getValue().toyvmMillisByRound(),
                    startup.toyvmMillisByRound(), e.getValue().hotspotMillisByRound(), startup.hotspotMillisByRound());
            netRounds.add(rounds);
            InterpBench.Measurements m = e.getValue();
            double[] toyvmCpu0 = startup.toyvmCpuByRound();
            double[] hsCpu0 = startup.hotspotCpuByRound();
            logCpu += Math.log(netRatio(m.toyvmCpuByRound(), toyvmCpu0, m.hotspotCpuByRound(), hsCpu0));
            cpuRounds.add(netRatiosByRound(m.toyvmCpuByRound(), toyvmCpu0, m.hotspotCpuByRound(), hsCpu0));
            double net = row(e.getKey(), e.getValue(), rounds, xintStart, toyvmStart);
            logNet += Math.log(net);
            timed++;
            withinGoal += net <= goal ? 1 : 0;
        }
        if (timed > 0) {
            System.out.printf("%ngeometric mean net ratio toyvm / HotSpot -Xint: %.2fx (round by round %s);"
                    + " within the %.0fx goal: %d of %d%n", Math.exp(logNet / timed), range(geomeanByRound(netRounds)),
                    goal, withinGoal, timed);
            System.out.printf("the same in process CPU time (all threads; less disturbed by other load): %.2fx"
                    + " (round by round %s)%n", Math.exp(logCpu / timed), range(geomeanByRound(cpuRounds)));
        }
        System.out.println("""
                ms: median wall time per process. net ratio: the same with each VM's empty-main time subtracted;
                net rounds: the lowest and highest net ratio of single rounds (each against that round's empty mains).
                alloc MB/s: bytes toyvm allocated (Heap.allocatedBytes) per second of net toyvm time. GCs, pause:
                from toyvm's gc log. ms/MB live: total pause / MB of heap occupied after each collection, summed
                (a cost per MB the collector marked and slid). Both VMs ran with -Xmx""" + heap + ".");
        return allOk;
    }

    private static double row(SampleLine sample, InterpBench.Measurements m, double[] netRounds, double xintStart,
            double toyvmStart) {
        double xint = m.hotspotMillis();
        double toyvm = m.toyvmMillis();
        double net = Math.max(toyvm - toyvmStart, 1) / Math.max(xint - xintStart, 1);
        // Deterministic programs: the collector does the same work every round; report the first kept run.
        GcLogSummary gc = m.toyvm.getFirst().gc();
        ToyvmStats.Stats exact = m.stats;
        double liveMb = exact.liveAfterSum() / MB;
        String perMbLive = liveMb > 0 ? String.format("%.2f", gc.totalPauseMillis() / liveMb) : "n/a";
        double allocRate = exact.allocated() / MB / (Math.max(toyvm - toyvmStart, 1) / 1000);
        System.out.printf("%-20s %8.0f %8.0f %6.2fx %8.2fx %11s %11.1f %4d %8.1f %10s%s%n", sample.simpleName(), xint,
                toyvm, toyvm / xint, net, range(netRounds), allocRate, gc.count(), gc.totalPauseMillis(), perMbLive,
                exact.collections() == gc.count() ? "" : "  (in-process run: " + exact.collections() + " GCs)");
        return net;
    }

    /** Why a program's measurements do not count, or null: any failed run, or toyvm printing something else. */
    static String failure(InterpBench.Measurements m) {
        for (InterpBench.Timed t : m.hotspot) {
            if (t.result().exitCode() != 0) {
                return "HotSpot -Xint exited " + t.result().exitCode() + ": " + firstLine(t.result().stderr());
            }
        }
        SampleRunner.Result reference = m.hotspot.getFirst().result();
        for (InterpBench.ToyvmRun r : m.toyvm) {
            String difference = OutputDiff.betweenRuns(reference, r.timed().result());
            if (difference != null) {
                return "toyvm differs from HotSpot:" + difference.replace("\n", "\n    ");
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        List<String> lines = s.lines().toList();
        return lines.isEmpty() ? "" : lines.getFirst();
    }
}
