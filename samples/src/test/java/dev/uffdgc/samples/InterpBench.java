package dev.uffdgc.samples;

import dev.uffdgc.kernel.Rusage;
import dev.uffdgc.kernel.uapi.Resource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./uffd-gc bench interp}: how fast toyvm interprets, against HotSpot's own interpreter ({@code -Xint}),
 * and what its built-in collector costs. A program, not a test. Every samples.txt line runs on both VMs in one
 * run, in interleaved rounds (the VM that goes first alternates), and the median wall time of each process is
 * compared; the machine's noise hits both sides alike. Wall time includes each JVM's start-up, as a user would see
 * it; an empty main measures that start-up, to compare the interpreters without it. Collector figures: pauses from
 * toyvm's gc log, exact allocated and live bytes from one more, untimed, in-process run ({@link ToyvmStats}).
 * Then the threaded samples with 1 and 4 mutator threads: pause per MB live and time to safepoint
 * ({@link ThreadsTable}).
 */
public final class InterpBench {
    /** The goal from issue 3: toyvm within this factor of HotSpot -Xint. */
    static final double GOAL = 3.0;

    private final Path toyvmJar;
    /** Extra host JVM flags for toyvm, as the launcher runs it (its AOT cache); empty for plain java -jar. */
    private final List<String> toyvmHostFlags;
    private final String heap;
    private final int rounds;
    private final int warmup;
    private final List<SampleLine> samples;
    /** --out DIR: the tier comparison as CSV (null: not written). */
    private final Path out;

    private InterpBench(Path toyvmJar, List<String> toyvmHostFlags, String heap, int rounds, int warmup,
            List<SampleLine> samples, Path out) {
        this.out = out;
        this.toyvmJar = toyvmJar;
        this.toyvmHostFlags = toyvmHostFlags;
        this.heap = heap;
        this.rounds = rounds;
        this.warmup = warmup;
        this.samples = samples;
    }

    /** What --help prints (stdout, exit 0); a bad argument gets its message and this on stderr (exit 2). */
    static final String USAGE = """
            Usage: ./uffd-gc bench interp [--heap SIZE] [--rounds N] [--warmup N] [--out DIR] [Sample...]
            Every samples/samples.txt line (or only the samples named, e.g. Json Churn) on HotSpot -Xint and on toyvm,
            with its compiler tier and with -Xint, in interleaved rounds: median wall time of each, toyvm/HotSpot
            ratios with and without start-up (an empty main), toyvm's collector figures from its gc log.
            Exit 1 if a run fails or toyvm prints other output than HotSpot; 2 on bad arguments.
              --heap SIZE   -Xmx of both VMs (default 16m)
              --rounds N    timed rounds (default 3)
              --warmup N    untimed rounds before them (default 1)
              --out DIR     also write the tier table as DIR/tiers.csv
              --toyvm-jar PATH, --toyvm-host-flags "FLAGS"
                            passed by ./uffd-gc: the toyvm.jar to time and its host JVM flags (as ./uffd-gc run)
            """;

    public static void main(String[] args) throws Exception {
        System.exit(launch(args, System.out, System.err));
    }

    /** The exit code: 0 for --help (usage on out) or a run that went right, 1 for one that did not, 2 for bad args. */
    static int launch(String[] args, PrintStream out, PrintStream err) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        InterpBench bench;
        try {
            bench = fromArgs(args);
        } catch (IllegalArgumentException e) {
            err.println("bench interp: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        return bench.run() ? 0 : 1;
    }

    private static InterpBench fromArgs(String[] args) {
        Path jar = null;
        List<String> hostFlags = List.of();
        String heap = "16m";
        int rounds = 3;
        int warmup = 1;
        Path out = null;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--toyvm-jar" -> jar = Path.of(value(args, ++i));
                case "--toyvm-host-flags" -> hostFlags = List.of(value(args, ++i).trim().split("\\s+"));
                case "--heap" -> heap = value(args, ++i);
                case "--rounds" -> rounds = positive(value(args, ++i), 1);
                case "--warmup" -> warmup = positive(value(args, ++i), 0);
                case "--out" -> out = Path.of(value(args, ++i));
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    only.add(args[i]);
                }
            }
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no toyvm jar at " + jar + " (build it: ./mvnw -q package -pl toyvm -am)");
        }
        List<SampleLine> samples = SampleLine.parse(SampleRunner.samplesFile()).stream()
                .filter(s -> only.isEmpty() || only.contains(s.simpleName())).toList();
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no sample in samples.txt is named " + only);
        }
        return new InterpBench(jar, hostFlags, heap, rounds, warmup, samples, out);
    }

    private boolean run() throws Exception {
        Path dir = Files.createTempDirectory("bench-interp");
        try {
            Program startup = new Program(new SampleLine(0, EmptyMain.NAME, List.of()), EmptyMain.writeInto(dir));
            System.out.printf("bench interp: %d samples, %d rounds after %d warm-up, -Xmx%s; HotSpot -Xint -XX:+UseSerialGC%n",
                    samples.size(), rounds, warmup, heap);
            System.out.println("toyvm: java -jar toyvm.jar" + (toyvmHostFlags.isEmpty() ? ""
                    : " with host flags " + String.join(" ", toyvmHostFlags) + " (as ./uffd-gc run)"));
            Map<Program, Measurements> results = new LinkedHashMap<>();
            results.put(startup, new Measurements());
            samples.forEach(s -> results.put(new Program(s, SampleRunner.classesDir()), new Measurements()));
            for (int round = 0; round < warmup + rounds; round++) {
                for (var e : results.entrySet()) {
                    measure(e.getKey(), e.getValue(), round, dir);
                }
                System.out.printf("  round %d/%d done%n", round + 1, warmup + rounds);
            }
            for (var e : results.entrySet()) {
                if (e.getKey() != startup && e.getValue().ranCorrectly()) {
                    e.getValue().stats = ToyvmStats.measure(e.getKey().classPath(), e.getKey().line(), heap);
                }
            }
            System.out.println("  exact allocation and live bytes: done (in-process, untimed)");
            boolean ok = new BenchTable(heap, GOAL).print(results.get(startup), withoutKey(results, startup));
            ThreadsTable.print(SampleRunner.classesDir(), samples, rounds);
            ok &= TierTable.print(results.get(startup), withoutKey(results, startup), out);
            return ok;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** One round of one program on both VMs; which VM goes first alternates from round to round. */
    private void measure(Program p, Measurements m, int round, Path dir) throws Exception {
        boolean keep = round >= warmup;
        // Three processes per round (HotSpot -Xint, toyvm with its compiler, toyvm -Xint), the order rotating.
        for (int i = 0; i < 3; i++) {
            switch ((round + i) % 3) {
                case 0 -> m.hotspot(keep, timed(hotspotCommand(p)));
                case 1 -> m.toyvm(keep, runToyvm(p, dir, List.of()));
                default -> {
                    ToyvmRun r = runToyvm(p, dir, List.of("-Xint"));
                    if (keep) {
                        m.toyvmInt.add(r);
                    }
                }
            }
        }
    }

    private static Map<SampleLine, Measurements> withoutKey(Map<Program, Measurements> results, Program startup) {
        Map<SampleLine, Measurements> samples = new LinkedHashMap<>();
        results.forEach((p, m) -> {
            if (p != startup) {
                samples.put(p.line(), m);
            }
        });
        return samples;
    }

    private List<String> hotspotCommand(Program p) {
        // After SampleRunner's own -Xmx, so this one wins: both VMs get the same heap.
        return SampleRunner.command(List.of("-Xint", "-Xmx" + heap), p.classPath().toString(), p.line());
    }

    private ToyvmRun runToyvm(Program p, Path dir, List<String> tier) throws Exception {
        Path log = dir.resolve(p.line().simpleName() + ".gc.log");
        Files.deleteIfExists(log);
        List<String> launcher = new ArrayList<>(ToyVmRunner.fromJar(toyvmJar, toyvmHostFlags));
        launcher.addAll(tier);
        List<String> cmd = ToyVmRunner.command(launcher, false, heap, log, p.classPath(), p.line());
        Timed t = timed(cmd);
        GcLogSummary gc = Files.exists(log) ? GcLogSummary.read(log) : new GcLogSummary(List.of());
        return new ToyvmRun(t, gc);
    }

    /**
     * Wall time and the process's CPU time: getrusage(RUSAGE_CHILDREN) grows by a child's user + system time when
     * it is reaped, and the bench runs one child at a time. CPU is what other load disturbs least: HotSpot -Xint
     * Richards 80 1000, 8 runs at load 4, took 398-948 ms of wall time and 379-440 ms of CPU.
     */
    static Timed timed(List<String> cmd) throws Exception {
        long start = System.nanoTime();
        Rusage before = Rusage.of(Resource.RUSAGE_CHILDREN);
        SampleRunner.Result r = SampleRunner.run(cmd, ToyVmRunner.TIMEOUT_SECONDS);
        Rusage used = Rusage.of(Resource.RUSAGE_CHILDREN).minus(before);
        return new Timed((System.nanoTime() - start) / 1e6, (used.userNanos() + used.systemNanos()) / 1e6, r);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String s, int min) {
        try {
            int n = Integer.parseInt(s);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + s + "' is not a whole number >= " + min);
    }

    /** A guest program and the class path it runs from. */
    record Program(SampleLine line, Path classPath) {}

    /** One process: wall time and CPU time (all its threads), in ms. */
    record Timed(double millis, double cpuMillis, SampleRunner.Result result) {}

    record ToyvmRun(Timed timed, GcLogSummary gc) {}

    /** What one sample measured, warm-up rounds left out. */
    static final class Measurements {
        final List<Timed> hotspot = new ArrayList<>();
        final List<ToyvmRun> toyvm = new ArrayList<>();
        /** toyvm -Xint: the interpreter alone, for the tier comparison. */
        final List<ToyvmRun> toyvmInt = new ArrayList<>();
        /** From the in-process run; null until measured, or when a timed run failed. */
        ToyvmStats.Stats stats;

        boolean ranCorrectly() {
            return BenchTable.failure(this) == null;
        }

        void hotspot(boolean keep, Timed t) {
            if (keep) {
                hotspot.add(t);
            }
        }

        void toyvm(boolean keep, ToyvmRun r) {
            if (keep) {
                toyvm.add(r);
            }
        }

        double hotspotMillis() {
            return median(hotspot.stream().mapToDouble(Timed::millis).toArray());
        }

        double toyvmIntMillis() {
            return median(toyvmInt.stream().mapToDouble(r -> r.timed().millis()).toArray());
        }

        double toyvmMillis() {
            return median(toyvmMillisByRound());
        }

        double[] hotspotMillisByRound() {
            return hotspot.stream().mapToDouble(Timed::millis).toArray();
        }

        double[] toyvmMillisByRound() {
            return toyvm.stream().mapToDouble(r -> r.timed().millis()).toArray();
        }

        double[] toyvmIntMillisByRound() {
            return toyvmInt.stream().mapToDouble(r -> r.timed().millis()).toArray();
        }

        double[] hotspotCpuByRound() {
            return hotspot.stream().mapToDouble(Timed::cpuMillis).toArray();
        }

        double[] toyvmCpuByRound() {
            return toyvm.stream().mapToDouble(r -> r.timed().cpuMillis()).toArray();
        }

        double[] toyvmIntCpuByRound() {
            return toyvmInt.stream().mapToDouble(r -> r.timed().cpuMillis()).toArray();
        }

        /** The net ratio of the medians: (vm - its empty main) / (HotSpot - its empty main). */
        static double netRatio(double[] vm, double[] vmStart, double[] hs, double[] hsStart) {
            return Math.max(median(vm) - median(vmStart), 1) / Math.max(median(hs) - median(hsStart), 1);
        }

        /**
         * The net ratio of each kept round: (vm - its empty main) / (HotSpot - its empty main), every time from that
         * round (the four processes ran within seconds of each other), so its spread is the bench's own noise. One
         * round of HotSpot's net time is a few hundred ms: 50 ms of noise there moves a ratio by 10-20%.
         */
        static double[] netRatiosByRound(double[] vm, double[] vmStart, double[] hs, double[] hsStart) {
            int n = Math.min(Math.min(vm.length, vmStart.length), Math.min(hs.length, hsStart.length));
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = Math.max(vm[i] - vmStart[i], 1) / Math.max(hs[i] - hsStart[i], 1);
            }
            return r;
        }

        /** "min-max" of the rounds' values, for the reader to tell a change from noise. */
        static String range(double[] xs) {
            if (xs.length == 0) {
                return "n/a";
            }
            double[] s = xs.clone();
            Arrays.sort(s);
            return String.format("%.2f-%.2f", s[0], s[s.length - 1]);
        }

        /** Per round, the geometric mean over samples of that round's ratios ({@code bySample[sample][round]}). */
        static double[] geomeanByRound(List<double[]> bySample) {
            int rounds = bySample.stream().mapToInt(a -> a.length).min().orElse(0);
            double[] g = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                double log = 0;
                for (double[] a : bySample) {
                    log += Math.log(a[i]);
                }
                g[i] = Math.exp(log / bySample.size());
            }
            return g;
        }

        static double median(double[] xs) {
            double[] s = xs.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
    }
}
