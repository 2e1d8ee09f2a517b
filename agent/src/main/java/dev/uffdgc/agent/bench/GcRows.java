package dev.uffdgc.agent.bench;

import dev.uffdgc.agent.compact.CycleStats;
import dev.uffdgc.agent.toolkit.RunLengths;
import dev.uffdgc.kernel.Memory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * gc.csv's and gc-runs.csv's rows from what one mode measured: for the agent its own per-cycle accounting
 * ({@link CycleStats}: the mapping counters, run-length histograms, compaction CPU), for stw the collector's GC
 * log phase lines ({@link StwPhases}). Nothing is re-measured here; gc.csv's byte and count columns are per run
 * (mean over the rounds), gc-runs.csv's ioctls and pages summed over all rounds (a bucket used once in three
 * rounds would round to 0 per run).
 */
final class GcRows {
    private static final double MIB = 1 << 20;

    private GcRows() {
    }

    static GcTable.Row row(String workload, int threads, GcBench.Result r) {
        String mode = r.mode.replace(',', '+');
        int runs = Math.max(1, r.runs);
        if (r.mode.startsWith("stw")) {
            double compactMs = 0;
            double cpuMs = 0;
            long compacted = 0;
            for (StwPhases p : r.stw) {
                compactMs += p.compactMs();
                cpuMs += p.compactCpuMs();
                compacted += p.compactedBytes();
            }
            return new GcTable.Row(workload, mode, threads, compacted / MIB / (compactMs / 1e3),
                    cpuMs / (compacted / MIB), 0, 0, 0, 0, 0, r.stwTlb < 0 ? -1 : r.stwTlb / runs, 100);
        }
        long pages = 0;
        long work = 0;
        long cpu = 0;
        long compacted = 0;
        long pmd = 0;
        long pte = 0;
        long single = 0;
        long copied = 0;
        long ioctls = 0;
        long tlb = 0;
        long stall = 0;
        long cycleTime = 0;
        for (CycleStats s : r.cycles) {
            pages += s.pagesMoved.sum() + s.pagesCopied.sum();
            work += s.pageAllocNanos.sum() + s.buildNanos.sum() + s.ioctlNanos.sum();
            cpu += s.compactionCpuNanos();
            compacted += s.usedAfter;
            pmd += s.pmdBytes();
            pte += s.pteRunBytes();
            single += s.singlePageBytes();
            copied += s.copiedBytes();
            ioctls += s.ioctls.sum();
            tlb = s.tlbShootdowns < 0 || tlb < 0 ? -1 : tlb + s.tlbShootdowns;
            stall += s.mutatorStallNanos.sum() + s.faultNanos.sum();
            cycleTime += s.pauseNanos + s.concurrentNanos;
        }
        double mbps = work == 0 ? Double.NaN : pages * Memory.PAGE_SIZE / MIB / (work / 1e9);
        double cpuPerMib = compacted == 0 ? Double.NaN : cpu / 1e6 / (compacted / MIB);
        return new GcTable.Row(workload, mode, threads, mbps, cpuPerMib, pmd / runs, pte / runs, single / runs,
                copied / runs, ioctls / runs, tlb < 0 ? -1 : tlb / runs,
                cycleTime == 0 ? 0 : 100.0 * stall / ((double) cycleTime * threads));
    }

    /**
     * Issue 11: where each mode's compaction CPU per MiB compacted goes, by phase (thread CPU, mark excluded, the
     * phases summed over every cycle of every round, over the MiB compacted): for the agent plan (marker thread),
     * flip (the pause body), build+map (every build-and-map call, workers and stalled mutators) and finish; for stw
     * MarkCompact's plan, update and slide. "move cpu ms/MiB 1.14: plan 0.23 flip 0.05 build+map 0.80 finish 0.06".
     */
    static String cpuPhases(GcBench.Result r) {
        String[] names;
        double[] ms;
        double mib = 0;
        if (r.mode.startsWith("stw")) {
            names = new String[] {"plan", "update", "slide"};
            ms = new double[3];
            for (StwPhases p : r.stw) {
                ms[0] += p.planCpuMs();
                ms[1] += p.updateCpuMs();
                ms[2] += p.slideCpuMs();
                mib += p.compactedBytes() / MIB;
            }
        } else {
            names = new String[] {"plan", "flip", "build+map", "finish"};
            ms = new double[4];
            for (CycleStats s : r.cycles) {
                ms[0] += s.planCpuNanos / 1e6;
                ms[1] += s.flipCpuNanos / 1e6;
                ms[2] += s.buildMapCpuNanos.sum() / 1e6;
                ms[3] += s.finishCpuNanos / 1e6;
                mib += s.usedAfter / MIB;
            }
        }
        StringBuilder b = new StringBuilder(r.mode).append(String.format(Locale.ROOT, " cpu ms/MiB %.2f:",
                Arrays.stream(ms).sum() / mib));
        for (int i = 0; i < names.length; i++) {
            b.append(String.format(Locale.ROOT, " %s %.2f", names[i], ms[i] / mib));
        }
        return b.toString();
    }

    /**
     * Per run-length bucket the agent's MOVE (and COPY) ioctls issued, with their ns per page beside the C floor
     * of that run length (bench kernel's move_N/copy_N rows, alone and with a busy sibling thread). Buckets with
     * no ioctl are left out; a bucket without a floor row of its own (2-15) gets NaN floors.
     */
    static List<GcTable.RunRow> runRows(String workload, int threads, GcBench.Result r, Map<String, Double> floor) {
        List<GcTable.RunRow> rows = new ArrayList<>();
        if (r.mode.startsWith("stw")) {
            return rows;
        }
        RunLengths move = new RunLengths();
        RunLengths copy = new RunLengths();
        for (CycleStats s : r.cycles) {
            move.add(s.moveRuns);
            copy.add(s.copyRuns);
        }
        for (String kind : new String[] {"move", "copy"}) {
            RunLengths h = kind.equals("move") ? move : copy;
            for (int b = 0; b < RunLengths.LOW.length; b++) {
                if (h.pages(b) == 0) {
                    continue;
                }
                int n = RunLengths.FLOOR_ROW[b];
                rows.add(new GcTable.RunRow(workload, r.mode.replace(',', '+'), threads,
                        kind.toUpperCase(java.util.Locale.ROOT) + " " + RunLengths.NAMES[b], h.ioctls(b),
                        h.pages(b), (double) h.nanos(b) / h.pages(b),
                        n == 0 ? Double.NaN : floor.getOrDefault(kind + "_" + n, Double.NaN),
                        n == 0 ? Double.NaN : floor.getOrDefault(kind + "_" + n + "_busy", Double.NaN)));
            }
        }
        return rows;
    }
}
