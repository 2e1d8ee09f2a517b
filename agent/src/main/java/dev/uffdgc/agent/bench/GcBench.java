package dev.uffdgc.agent.bench;

import dev.uffdgc.agent.AgentOptions;
import dev.uffdgc.agent.UffdCollector;
import dev.uffdgc.agent.compact.CycleStats;
import dev.uffdgc.agent.obs.Totals;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.VmOptions;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.gc.MarkCompact;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code ./uffd-gc bench gc}: the same guest programs and heaps under stw (toyvm's built-in collector), copy and
 * move, interleaved round by round in one process, next to the C floor of the same kernel calls. A program, not a
 * test: it prints what it measured. See the agent README for the columns.
 */
public final class GcBench {
    record Workload(String name, String classPath, String heap, String mainClass, String... args) {
    }

    /**
     * The default modes. {@code --modes} takes others, and a mode may carry agent options after a colon
     * ({@code move:batch=256,workers=2}), so that settings compare side by side in one run.
     */
    private static final String[] MODES = {"stw", "copy", "move"};

    private GcBench() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        String[] modes = a.containsKey("modes") ? a.get("modes").split(";") : MODES;
        for (String m : modes) {
            String base = m.contains(":") ? m.substring(0, m.indexOf(':')) : m;
            if (!List.of(MODES).contains(base)) {
                System.err.println("bench gc: unknown mode " + m + " (stw, copy or move, optionally move:<agent options>)");
                System.exit(2);
            }
            if (m.contains(":") && !base.equals("stw")) {
                try {
                    AgentOptions.parse("mode=" + base + "," + m.substring(m.indexOf(':') + 1));
                } catch (IllegalArgumentException e) {
                    System.err.println("bench gc: " + m + ": " + e.getMessage());
                    System.exit(2);
                }
            }
        }
        String agentCp = Path.of(GcBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<Workload> workloads = new ArrayList<>();
        workloads.add(new Workload("dense", agentCp, a.getOrDefault("dense-heap", "48m"),
                "dev.uffdgc.agent.bench.DenseHeap", "120000", "12", "3"));
        if (a.containsKey("samples")) {
            workloads.add(new Workload("trees", a.get("samples"), "16m", "dev.uffdgc.samples.BinaryTrees", "15"));
        }
        Path cSource = a.containsKey("c-source") ? Path.of(a.get("c-source")) : null;
        Map<String, Double> floor = cSource != null
                ? CFloorRun.run(cSource, "build_move_16,build_copy_16,move_16,copy_16", "--pages", "16384") : Map.of();
        System.out.printf(Locale.ROOT, "uffd-gc bench gc: %d rounds, modes interleaved; C floor: %s%n", rounds,
                floor.isEmpty() ? "not run (no --c-source)" : "build+MOVE 16 " + floor.get("build_move_16")
                        + " ns/page, build+COPY 16 " + floor.get("build_copy_16") + " ns/page (MOVE 16 alone "
                        + floor.get("move_16") + ", COPY 16 alone " + floor.get("copy_16") + ")");
        for (Workload w : workloads) {
            Map<String, Result> results = new LinkedHashMap<>();
            for (String m : modes) {
                results.put(m, new Result(m));
            }
            for (int r = 0; r < rounds; r++) {
                for (String m : modes) {
                    runOnce(w, m, results.get(m));
                }
            }
            Map<String, Double> flipFloor = new LinkedHashMap<>(floor);
            Result moveRun = results.values().stream().filter(r -> r.mode.startsWith("move")).findFirst().orElse(null);
            long flipPages = moveRun == null ? 0 : medianFlipPages(moveRun);
            if (cSource != null && flipPages > 0) {
                flipFloor.putAll(CFloorRun.run(cSource, "flip_register", "--flip-pages", Long.toString(flipPages)));
            }
            print(w, results, flipFloor, flipPages);
        }
    }

    /** The median number of pages the flips of these cycles moved (the used part of the heap, page-rounded). */
    static long medianFlipPages(Result r) {
        long[] pages = r.cycles.stream().mapToLong(s -> (s.usedBefore + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE)
                .sorted().toArray();
        return pages.length == 0 ? 0 : pages[pages.length / 2];
    }

    /** Everything measured for one mode over all rounds. */
    static final class Result {
        final String mode;
        final Histogram pauses = new Histogram(3_600_000_000L, 3);
        final Histogram flips = new Histogram(3_600_000_000L, 3);
        /** Time to safepoint of every collection pause (inside the pause figure, and on its own here). */
        final Histogram ttsp = new Histogram(3_600_000_000L, 3);
        final List<CycleStats> cycles = new ArrayList<>();
        long wallNanos;
        long residentBytes;
        String output;
        /** The guest's exit status in the last run (nonzero: the guest failed). */
        int status;
        int runs;

        Result(String mode) {
            this.mode = mode;
        }
    }

    private static void recordPause(Result res, long pauseNanos, long ttspNanos) {
        res.pauses.recordValue(pauseNanos);
        res.ttsp.recordValue(ttspNanos);
    }

    static void runOnce(Workload w, String mode, Result res) {
        VmOptions o = new VmOptions();
        o.classPath = w.classPath();
        o.heapBytes = VmOptions.parseSize(w.heap());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Vm vm = new Vm(o, new PrintStream(out, false, java.nio.charset.StandardCharsets.UTF_8),
                new PrintStream(OutputStream.nullOutputStream()));
        Totals totals = new Totals();
        UffdCollector uffd = null;
        if (mode.startsWith("stw")) {
            MarkCompact mc = new MarkCompact(vm.binding);
            vm.binding.installCollector(new Collector() {
                @Override
                public void collect(Cause cause, long requestBytes) {
                    long t = System.nanoTime();
                    mc.collect(cause, requestBytes);
                    res.pauses.recordValue(System.nanoTime() - t);
                }

                @Override
                public int collections() {
                    return mc.collections();
                }
            });
        } else {
            uffd = new UffdCollector(vm.binding, AgentOptions.parse("mode=" + mode.replace(':', ',')), totals,
                    UffdCollector.REAL, null);
            vm.binding.installCollector(uffd);
        }
        long t0 = System.nanoTime();
        res.status = vm.runMain(w.mainClass(), w.args());
        if (uffd != null) {
            uffd.quiesce();
            uffd.shutdown();
        }
        res.wallNanos += System.nanoTime() - t0;
        res.runs++;
        if (uffd == null) {
            for (long t : vm.binding.timesToSafepoint()) {
                res.ttsp.recordValue(t);
            }
        }
        for (CycleStats s : totals.cycles()) { // every pause of the cycle: Init Mark, Final Mark, Relocate Start
            recordPause(res, s.initMarkPauseNanos, s.initMarkTtspNanos);
            recordPause(res, s.finalMarkPauseNanos, s.finalMarkTtspNanos);
            recordPause(res, s.pauseNanos, s.timeToSafepointNanos);
            res.flips.recordValue(s.flipNanos);
            res.cycles.add(s);
        }
        res.residentBytes += resident(vm.heap.region());
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (res.output != null && !res.output.equals(text)) {
            throw new IllegalStateException(w.name() + " printed different output under " + mode);
        }
        res.output = text;
        Memory.munmap(vm.heap.region());
    }

    private static long resident(java.lang.foreign.MemorySegment heap) {
        long n = 0;
        for (boolean b : Memory.mincore(heap)) {
            n += b ? 1 : 0;
        }
        return n * Memory.PAGE_SIZE;
    }

    private static void print(Workload w, Map<String, Result> results, Map<String, Double> floor, long flipPages) {
        System.out.printf(Locale.ROOT, "%n%s: %s %s, -Xmx%s%n", w.name(), w.mainClass(), String.join(" ", w.args()),
                w.heap());
        System.out.println("mode  cycles  pause max/p99 ms  ttsp max ms  flip max/p99/p50 ms  p50/C  build+map MB/s  /C build+map"
                + "  alloc/faults/memcpy/ioctl/madvise ms  stall % of cycle  heap RSS MiB  wall s");
        double floorFlipMs = floor.containsKey("flip_register") ? floor.get("flip_register") / 1e6 : Double.NaN;
        for (Result r : results.values()) {
            long pages = 0;
            long work = 0;
            long alloc = 0;
            long faults = 0;
            long build = 0;
            long ioctl = 0;
            long madvise = 0;
            long stall = 0;
            long cycleTime = 0;
            for (CycleStats s : r.cycles) {
                pages += s.pagesMoved.sum() + s.pagesCopied.sum();
                alloc += s.pageAllocNanos.sum();
                faults += s.faultNanos.sum();
                build += s.buildNanos.sum();
                ioctl += s.ioctlNanos.sum();
                madvise += s.madviseNanos;
                stall += s.mutatorStallNanos.sum() + s.faultNanos.sum();
                cycleTime += s.pauseNanos + s.concurrentNanos;
            }
            work = alloc + build + ioctl;
            double mbps = work == 0 ? Double.NaN : pages * 4096.0 / (1 << 20) / (work / 1e9);
            String floorRow = r.mode.startsWith("move") ? "build_move_16" : "build_copy_16";
            double floorMbps = floor.containsKey(floorRow) ? 4096.0 / (1 << 20) / (floor.get(floorRow) / 1e9) : Double.NaN;
            int cycles = r.mode.startsWith("stw") ? (int) r.pauses.getTotalCount() : r.cycles.size();
            double flipMax = r.flips.getTotalCount() == 0 ? Double.NaN : r.flips.getMaxValue() / 1e6;
            double flipP50 = r.flips.getTotalCount() == 0 ? Double.NaN : r.flips.getValueAtPercentile(50) / 1e6;
            System.out.printf(Locale.ROOT, "%-5s %6d  %7.2f / %6.2f  %11.3f  %6.3f/%6.3f/%6.3f  %6.1f  %14.0f  %12.2f  %6.0f/%.0f/%.0f/%.0f/%.0f"
                            + "  %15.2f  %12.1f  %6.2f%n",
                    r.mode, cycles / Math.max(1, r.runs), r.pauses.getMaxValue() / 1e6,
                    r.pauses.getValueAtPercentile(99) / 1e6, r.ttsp.getMaxValue() / 1e6, flipMax, r.flips.getTotalCount() == 0 ? Double.NaN
                            : r.flips.getValueAtPercentile(99) / 1e6, flipP50, flipP50 / floorFlipMs, mbps,
                    mbps / floorMbps,
                    alloc / 1e6, faults / 1e6, build / 1e6, ioctl / 1e6, madvise / 1e6,
                    cycleTime == 0 ? 0 : 100.0 * stall / cycleTime, r.residentBytes / (double) r.runs / (1 << 20),
                    r.wallNanos / 1e9 / r.runs);
        }
        System.out.printf(Locale.ROOT, "C floor flip (mremap DONTUNMAP + UFFDIO_REGISTER of %d pages, the median the"
                + " move flips moved): %.3f ms%n", flipPages, floorFlipMs);
    }

    private static Map<String, String> args(String[] argv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                System.err.println("usage: GcBench [--rounds N] [--c-source floor.c] [--samples <classes dir>]"
                        + " [--dense-heap 48m] [--modes 'stw;copy;move;move:batch=256,workers=2']");
                System.exit(2);
            }
            m.put(argv[i].substring(2), argv[++i]);
        }
        return m;
    }
}
