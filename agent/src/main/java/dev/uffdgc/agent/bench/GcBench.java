package dev.uffdgc.agent.bench;

import dev.uffdgc.agent.AgentOptions;
import dev.uffdgc.agent.UffdCollector;
import dev.uffdgc.agent.compact.CycleStats;
import dev.uffdgc.agent.toolkit.RunLengths;
import dev.uffdgc.agent.obs.Totals;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.proc.TlbShootdowns;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.VmOptions;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.gc.MarkCompact;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
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

    /**
     * A mode's heap option {@code thp=off} (any mode, {@code stw:thp=off}, {@code move:thp=off,batch=16}): toyvm's
     * heap with 4 KiB pages only (VmOptions.hugePages false) instead of 2 MiB-aligned and MADV_HUGEPAGE, so that
     * THP's effect on every collector and on the PMD path compares in one run. Not an agent option.
     */
    static boolean hugePages(String mode) {
        return !options(mode).contains("thp=off");
    }

    /** The mode's agent options, without the heap option {@code thp=}: "" if none. */
    static String agentOptions(String mode) {
        return String.join(",", options(mode).stream().filter(o -> !o.startsWith("thp=")).toList());
    }

    private static List<String> options(String mode) {
        return mode.contains(":") ? List.of(mode.substring(mode.indexOf(':') + 1).split(",")) : List.of();
    }

    private GcBench() {
    }

    /** What one bench run measured: gc.csv's rows and gc-runs.csv's, and where they were written (null: nowhere). */
    public record Report(List<GcTable.Row> rows, List<GcTable.RunRow> runs, Path out) {
    }

    /** Bad arguments: exit 2 with the message and the usage. */
    static final class BadArgs extends IllegalArgumentException {
        BadArgs(String message) {
            super(message);
        }
    }

    /** The one-line usage, printed after a bad-arguments message. */
    public static final String USAGE = "Usage: ./uffd-gc bench gc [--rounds N] [--warmup N] [--threads 1,2]"
            + " [--modes 'stw;copy;move;move:batch=16;stw:thp=off'] [--batches 16,64] [--out DIR] [--dense-heap 48m]"
            + " [--dense-live 120000] [--trees-depth 15] [--trees-heap 16m] (--help for more)";

    /** {@code --help}: every option, its default, and the exit codes. */
    public static final String HELP = """
            Usage: ./uffd-gc bench gc [options]
            stw vs copy vs move side by side on two workloads (dense: DenseHeap; trees: samples' ParallelBinaryTrees),
            modes interleaved round by round, 1 and 2 guest threads: compaction MB/s, CPU per MiB compacted (mark
            excluded, and by phase), pauses, the per-cycle accounting (PMD / PTE-run / single-page / copied bytes,
            ioctls, TLB shootdowns) and the agent's ioctl ns/page beside bench kernel's C floor.
              --rounds N         measured rounds per workload and mode (default 3)
              --warmup N         unmeasured rounds first (default 1; 0 for none)
              --threads LIST     guest thread counts (default 1,2)
              --modes LIST       ';'-separated: stw, copy, move, each optionally with agent options after a colon
                                 (move:batch=128) and thp=off (4 KiB heap pages) (default stw;copy;move)
              --batches LIST     also run move with each of these pages-per-ioctl batch sizes
              --out DIR          write gc.csv, gc-runs.csv, gc.md and PNG plots there
              --dense-heap SIZE  dense workload's heap (default 48m); --dense-live N its live objects (120000)
              --trees-heap SIZE  trees workload's heap (default 16m); --trees-depth N its tree depth (15)
            Exit: 0 done; 1 a run or a write failed; 2 bad arguments.""";

    public static void main(String[] argv) {
        if (wantsHelp(argv)) {
            System.out.println(HELP);
            return;
        }
        try {
            run(argv);
        } catch (BadArgs e) {
            System.err.println("bench gc: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bench gc: " + e);
            System.exit(1);
        }
    }

    /**
     * Runs the bench: every workload x guest thread count x mode, modes interleaved round by round; prints the
     * console table and gc.md's tables, and with {@code --out DIR} writes gc.csv, gc-runs.csv and gc.md there.
     */
    public static Report run(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        int rounds = positive(a.getOrDefault("rounds", "3"), "--rounds");
        // Unmeasured rounds first: without one, the first workload's stw rounds ran MarkCompact's code cold (host
        // JIT), measured 2026-12-03: dense stw CPU per MiB 1.01 ms at 1 guest thread (run first) vs 0.66 at 2.
        int warmup = a.getOrDefault("warmup", "1").equals("0") ? 0 : positive(a.getOrDefault("warmup", "1"), "--warmup");
        List<String> modes = new ArrayList<>(List.of(a.containsKey("modes") ? a.get("modes").split(";") : MODES));
        if (a.containsKey("batches")) {
            for (String b : a.get("batches").split(",")) {
                modes.add("move:batch=" + positive(b, "--batches"));
            }
        }
        for (String m : modes) {
            String base = m.contains(":") ? m.substring(0, m.indexOf(':')) : m;
            if (!List.of(MODES).contains(base)) {
                throw new BadArgs("unknown mode " + m + " (stw, copy or move, optionally move:<agent options>)");
            }
            for (String o : options(m)) {
                if (o.startsWith("thp=") && !o.equals("thp=off") && !o.equals("thp=on")) {
                    throw new BadArgs(m + ": thp=on or thp=off, not " + o);
                }
            }
            if (!agentOptions(m).isEmpty() && !base.equals("stw")) {
                try {
                    AgentOptions.parse("mode=" + base + "," + agentOptions(m));
                } catch (IllegalArgumentException e) {
                    throw new BadArgs(m + ": " + e.getMessage());
                }
            }
        }
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : a.getOrDefault("threads", "1,2").split(",")) {
            threadCounts.add(positive(t, "--threads"));
        }
        String agentCp = Path.of(GcBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String denseLive = Integer.toString(positive(a.getOrDefault("dense-live", "120000"), "--dense-live"));
        String treesDepth = Integer.toString(positive(a.getOrDefault("trees-depth", "15"), "--trees-depth"));
        Path out = a.containsKey("out") ? Path.of(a.get("out")) : null;
        Path cSource = a.containsKey("c-source") ? Path.of(a.get("c-source")) : null;
        Map<String, Double> floor = cSource != null ? CFloorRun.run(cSource, FLOOR_ROWS, "--pages", "16384") : Map.of();
        System.out.printf(Locale.ROOT, "uffd-gc bench gc: %d rounds, modes interleaved; C floor: %s%n", rounds,
                floor.isEmpty() ? "not run (no --c-source)" : "build+MOVE 16 " + floor.get("build_move_16")
                        + " ns/page, build+COPY 16 " + floor.get("build_copy_16") + " ns/page (MOVE 16 alone "
                        + floor.get("move_16") + ", COPY 16 alone " + floor.get("copy_16") + ")");
        List<GcTable.Row> rows = new ArrayList<>();
        List<GcTable.RunRow> runs = new ArrayList<>();
        for (int threads : threadCounts) {
            List<Workload> workloads = new ArrayList<>();
            String t = Integer.toString(threads);
            workloads.add(new Workload("dense", agentCp, a.getOrDefault("dense-heap", "48m"),
                    "dev.uffdgc.agent.bench.DenseHeap", denseLive, "12", "3", t));
            if (a.containsKey("samples")) {
                workloads.add(new Workload("trees", a.get("samples"), a.getOrDefault("trees-heap", "16m"),
                        "dev.uffdgc.samples.ParallelBinaryTrees",
                        treesDepth, t));
            }
            for (Workload w : workloads) {
                Map<String, Result> results = new LinkedHashMap<>();
                for (String m : modes) {
                    results.put(m, new Result(m));
                }
                for (int r = -warmup; r < rounds; r++) {
                    for (String m : modes) {
                        runOnce(w, m, r < 0 ? new Result(m) : results.get(m));
                    }
                }
                String first = results.values().iterator().next().output;
                for (Result r : results.values()) {
                    if (r.status != 0 || !r.output.equals(first)) {
                        throw new IllegalStateException(w.name() + " under " + r.mode + ": exit status " + r.status
                                + (r.output.equals(first) ? "" : ", output differs from " + modes.getFirst() + "'s"));
                    }
                }
                Map<String, Double> flipFloor = new LinkedHashMap<>(floor);
                Result moveRun = results.values().stream().filter(r -> r.mode.startsWith("move")).findFirst().orElse(null);
                long flipPages = moveRun == null ? 0 : medianFlipPages(moveRun);
                if (cSource != null && flipPages > 0) {
                    flipFloor.putAll(CFloorRun.run(cSource, "flip_register", "--flip-pages", Long.toString(flipPages)));
                }
                print(w, threads, results, flipFloor, flipPages);
                for (Result r : results.values()) {
                    rows.add(GcRows.row(w.name(), threads, r));
                    runs.addAll(GcRows.runRows(w.name(), threads, r, floor));
                }
            }
        }
        String heading = String.format(Locale.ROOT, "%s, %d rounds (after %d unmeasured), threads %s, dense %s live -Xmx%s, trees depth %s"
                + " -Xmx%s%s", java.time.LocalDate.now(), rounds, warmup, threadCounts, denseLive,
                a.getOrDefault("dense-heap", "48m"), treesDepth, a.getOrDefault("trees-heap", "16m"), a.containsKey("samples") ? "" : " (not run: no --samples)");
        String md = GcTable.markdown(rows, runs, heading);
        System.out.println();
        System.out.print(md);
        if (out != null) {
            java.nio.file.Files.createDirectories(out);
            java.nio.file.Files.writeString(out.resolve("gc.csv"), GcTable.csv(rows));
            java.nio.file.Files.writeString(out.resolve("gc-runs.csv"), GcTable.runsCsv(runs));
            java.nio.file.Files.writeString(out.resolve("gc.md"), md);
            System.out.println("wrote " + out.resolve("gc.csv") + ", gc-runs.csv and gc.md");
        }
        return new Report(rows, runs, out);
    }

    /** The C floor rows bench gc reads: its build+map floors and bench kernel's run-length rows. */
    static final String FLOOR_ROWS = "build_move_16,build_copy_16,move_1,move_16,move_64,move_512,copy_1,copy_16,"
            + "copy_64,copy_512,move_1_busy,move_16_busy,move_64_busy,move_512_busy,copy_16_busy";

    private static int positive(String v, String option) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadArgs(option + " takes positive integers, got '" + v + "'");
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
        /** The built-in collector's cycles from its gc,cpu lines (stw; in an agent mode: its fallback's). */
        final List<StwPhases> stw = new ArrayList<>();
        /** TLB shootdowns over the stw collections (machine-wide), -1 once a read failed. */
        long stwTlb;
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

    static void runOnce(Workload w, String mode, Result res) throws java.io.IOException {
        VmOptions o = new VmOptions();
        o.classPath = w.classPath();
        o.heapBytes = VmOptions.parseSize(w.heap());
        o.hugePages = hugePages(mode);
        Path log = java.nio.file.Files.createTempFile("uffdgc-bench-gc", ".log");
        o.gcLog = log.toString();
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
                    long tlb = TlbShootdowns.read(); // 0.1-1 ms where counted: outside the timed pause
                    long t = System.nanoTime();
                    mc.collect(cause, requestBytes);
                    res.pauses.recordValue(System.nanoTime() - t);
                    long d = TlbShootdowns.delta(tlb, TlbShootdowns.read());
                    res.stwTlb = d < 0 || res.stwTlb < 0 ? -1 : res.stwTlb + d;
                }

                @Override
                public int collections() {
                    return mc.collections();
                }
            });
        } else {
            uffd = new UffdCollector(vm.binding, AgentOptions.parse("mode=" + mode.replaceFirst(":.*", "")
                    + (agentOptions(mode).isEmpty() ? "" : "," + agentOptions(mode))), totals,
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
        try {
            List<StwPhases> phases = StwPhases.parse(java.nio.file.Files.readAllLines(log));
            int collections = vm.collector().collections();
            if (uffd == null && phases.size() != collections) { // a toyvm without the phase line: say so, not NaN
                throw new IllegalStateException("stw: " + collections + " collections but " + phases.size()
                        + " gc,cpu lines in the GC log (toyvm older than bench gc?)");
            }
            res.stw.addAll(phases);
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
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

    private static void print(Workload w, int threads, Map<String, Result> results, Map<String, Double> floor,
            long flipPages) {
        System.out.printf(Locale.ROOT, "%n%s, %d guest thread(s): %s %s, -Xmx%s%n", w.name(), threads, w.mainClass(),
                String.join(" ", w.args()), w.heap());
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
        for (Result r : results.values()) {
            System.out.println(GcRows.cpuPhases(r));
        }
        for (Result r : results.values()) {
            if (r.mode.startsWith("move")) {
                System.out.println(lonePages(r));
            }
        }
        System.out.printf(Locale.ROOT, "C floor flip (mremap DONTUNMAP + UFFDIO_REGISTER of %d pages, the median the"
                + " move flips moved): %.3f ms%n", flipPages, floorFlipMs);
    }

    /**
     * Issue 11: per run, the pages a MOVE mode mapped one per ioctl, by origin (CycleStats.lonePages), and the 1-page
     * MOVE and COPY ioctls with their ns per page: "move lone pages/run 3378: run-of-1 12 spare 1500 ...".
     */
    static String lonePages(Result r) {
        long[] lone = new long[CycleStats.LONE_NAMES.length];
        RunLengths move = new RunLengths();
        RunLengths copy = new RunLengths();
        for (CycleStats s : r.cycles) {
            for (int i = 0; i < lone.length; i++) {
                lone[i] += s.lonePages[i].sum();
            }
            move.add(s.moveRuns);
            copy.add(s.copyRuns);
        }
        int runs = Math.max(1, r.runs);
        StringBuilder b = new StringBuilder(r.mode).append(" lone pages/run ").append(Arrays.stream(lone).sum() / runs)
                .append(':');
        for (int i = 0; i < lone.length; i++) {
            b.append(' ').append(CycleStats.LONE_NAMES[i]).append(' ').append(lone[i] / runs);
        }
        return b.append(String.format(Locale.ROOT, "; 1-page MOVE %d (%.0f ns/page), 1-page COPY %d (%.0f ns/page)",
                move.ioctls(0) / runs, move.pages(0) == 0 ? Double.NaN : (double) move.nanos(0) / move.pages(0),
                copy.ioctls(0) / runs, copy.pages(0) == 0 ? Double.NaN : (double) copy.nanos(0) / copy.pages(0)))
                .toString();
    }

    /** Whether {@code argv} asks for {@link #HELP}. */
    public static boolean wantsHelp(String[] argv) {
        return Arrays.stream(argv).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /** The options {@link #run} reads ({@code c-source} and {@code samples} are the launcher's). */
    static final List<String> OPTIONS = List.of("rounds", "warmup", "threads", "modes", "batches", "out", "dense-heap",
            "dense-live", "trees-depth", "trees-heap", "c-source", "samples");

    private static Map<String, String> args(String[] argv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new BadArgs("expected --option value, got '" + argv[i] + "'");
            }
            String key = argv[i].substring(2);
            if (!OPTIONS.contains(key)) {
                throw new BadArgs("unknown option " + argv[i]);
            }
            m.put(key, argv[++i]);
        }
        return m;
    }
}
