package dev.uffdgc.samples;

import static dev.uffdgc.samples.InterpBench.Measurements.geomeanByRound;
import static dev.uffdgc.samples.InterpBench.Measurements.netRatio;
import static dev.uffdgc.samples.InterpBench.Measurements.netRatiosByRound;
import static dev.uffdgc.samples.InterpBench.Measurements.range;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench interp's tier comparison: per sample, HotSpot -Xint against toyvm interpreting only (-Xint) and toyvm
 * with its compiler tier (the default), each net of its own VM's empty-main time, measured in the same
 * interleaved rounds; also the lowest and highest of the rounds' own net ratios, which say how far the medians can
 * be trusted. With --out DIR also tiers.csv
 * ({@code sample,hotspot_xint_ms,toyvm_int_ms,toyvm_jit_ms,ratio_int,ratio_jit,cpu_ratio_int,cpu_ratio_jit}: ms
 * are median wall times, the cpu ratios the same net ratios in process CPU time).
 */
final class TierTable {
    private TierTable() {
    }

    static boolean print(InterpBench.Measurements startup, Map<SampleLine, InterpBench.Measurements> samples, Path out)
            throws IOException {
        if (startup.toyvmInt.isEmpty() || startup.hotspot.isEmpty() || startup.toyvm.isEmpty()) {
            System.out.println("tiers: no start-up measurement");
            return false;
        }
        double hs0 = startup.hotspotMillis();
        double int0 = startup.toyvmIntMillis();
        double jit0 = startup.toyvmMillis();
        System.out.printf("%ntiers, net of start-up (empty main: HotSpot -Xint %.0f ms, toyvm -Xint %.0f ms, toyvm %.0f ms)%n",
                hs0, int0, jit0);
        System.out.printf("%-22s %10s %10s %10s %9s %9s %9s %11s %11s%n", "sample", "xint ms", "toyvm-int", "toyvm-jit",
                "int/xint", "jit/xint", "int/jit", "int rounds", "jit rounds");
        List<String> csv = new ArrayList<>();
        csv.add("sample,hotspot_xint_ms,toyvm_int_ms,toyvm_jit_ms,ratio_int,ratio_jit,cpu_ratio_int,cpu_ratio_jit");
        double logInt = 0;
        double logJit = 0;
        int n = 0;
        boolean ok = true;
        List<double[]> intRounds = new ArrayList<>();
        List<double[]> jitRounds = new ArrayList<>();
        double logIntCpu = 0;
        double logJitCpu = 0;
        List<double[]> intCpuRounds = new ArrayList<>();
        List<double[]> jitCpuRounds = new ArrayList<>();
        for (var e : samples.entrySet()) {
            InterpBench.Measurements m = e.getValue();
            boolean failed = m.toyvmInt.stream().anyMatch(r -> r.timed().result().exitCode() != 0)
                    || m.toyvm.stream().anyMatch(r -> r.timed().result().exitCode() != 0) || m.toyvmInt.isEmpty();
            if (failed) {
                System.out.printf("%-22s FAILED (a toyvm run exited non-zero)%n", e.getKey().simpleName());
                ok = false;
                continue;
            }
            double hs = m.hotspotMillis();
            double ti = m.toyvmIntMillis();
            double tj = m.toyvmMillis();
            double netHs = Math.max(hs - hs0, 1);
            double ri = Math.max(ti - int0, 1) / netHs;
            double rj = Math.max(tj - jit0, 1) / netHs;
            logInt += Math.log(ri);
            logJit += Math.log(rj);
            n++;
            double[] hsStart = startup.hotspotMillisByRound();
            double[] riRounds = netRatiosByRound(m.toyvmIntMillisByRound(),
                    startup.toyvmIntMillisByRound(), m.hotspotMillisByRound(), hsStart);
            double[] rjRounds = netRatiosByRound(m.toyvmMillisByRound(),
                    startup.toyvmMillisByRound(), m.hotspotMillisByRound(), hsStart);
            intRounds.add(riRounds);
            jitRounds.add(rjRounds);
            System.out.printf("%-22s %10.0f %10.0f %10.0f %8.2fx %8.2fx %8.2fx %11s %11s%n", e.getKey().simpleName(),
                    hs, ti, tj, ri, rj, ri / rj, range(riRounds), range(rjRounds));
            double[] hsCpu = m.hotspotCpuByRound();
            double[] hsCpu0 = startup.hotspotCpuByRound();
            double riCpu = netRatio(m.toyvmIntCpuByRound(), startup.toyvmIntCpuByRound(), hsCpu, hsCpu0);
            double rjCpu = netRatio(m.toyvmCpuByRound(), startup.toyvmCpuByRound(), hsCpu, hsCpu0);
            logIntCpu += Math.log(riCpu);
            logJitCpu += Math.log(rjCpu);
            intCpuRounds.add(netRatiosByRound(m.toyvmIntCpuByRound(), startup.toyvmIntCpuByRound(), hsCpu, hsCpu0));
            jitCpuRounds.add(netRatiosByRound(m.toyvmCpuByRound(), startup.toyvmCpuByRound(), hsCpu, hsCpu0));
            csv.add(String.format("%s,%.1f,%.1f,%.1f,%.3f,%.3f,%.3f,%.3f", e.getKey().simpleName(), hs, ti, tj, ri, rj,
                    riCpu, rjCpu));
        }
        if (n > 0) {
            System.out.printf("geometric mean net ratio vs HotSpot -Xint: toyvm -Xint %.2fx, toyvm (compiler on) %.2fx; "
                    + "compiler speed-up %.2fx%n", Math.exp(logInt / n), Math.exp(logJit / n), Math.exp((logInt - logJit) / n));
            System.out.printf("  the same geometric means round by round: toyvm -Xint %s, toyvm %s"
                    + " (a change within these ranges is noise)%n", range(geomeanByRound(intRounds)),
                    range(geomeanByRound(jitRounds)));
            System.out.printf("  in process CPU time (all threads; less disturbed by other load): toyvm -Xint %.2fx"
                    + " (round by round %s), toyvm %.2fx (%s)%n", Math.exp(logIntCpu / n),
                    range(geomeanByRound(intCpuRounds)), Math.exp(logJitCpu / n), range(geomeanByRound(jitCpuRounds)));
        }
        if (out != null) {
            Files.createDirectories(out);
            Files.write(out.resolve("tiers.csv"), csv);
            System.out.println("wrote " + out.resolve("tiers.csv"));
        }
        return ok;
    }
}
