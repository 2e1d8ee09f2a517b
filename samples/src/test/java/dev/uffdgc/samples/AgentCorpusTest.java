package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * toyvm's compatibility corpus (toyvm/src/test/corpus, every line of toyvm/src/test/corpus-cases.txt) under the
 * uffd-gc agent, as {@code ./uffd-gc run --gc=move} runs it ({@link AgentAotCache#launch}), in a 1 MiB
 * heap, with -Xverify-gc (graph hash and structure around every cycle) and a forced cycle every
 * {@code -Xgc-every} bytes of allocation (the cases file's fourth column), so that each program goes through at
 * least {@link #MIN_CYCLES} concurrent cycles: stdout, exit status and stderr (without the stack-trace lines of
 * JDK frames, as in toyvm's CorpusTest: the guest library has its own line numbers there) identical to HotSpot's,
 * stdin fed from the same file. The gc log must show the agent's collector installed and nothing else of it: no
 * notice (a fallback to the built-in collector or to COPY, a failed background thread), no EMERGENCY, no built-in
 * "Pause Full".
 *
 * <p>Half the lines (odd line numbers) run with -Xcomp, every method compiled at its first call (compiled frames
 * under the compactor), the rest with the default tiering; a handful also run under mode=copy ({@link #COPY}).
 * Runs go {@link #PARALLEL} at a time, each in its own child JVM with a timeout: a test starts its own run and
 * the next one, then waits for its own.
 */
class AgentCorpusTest {
    static final int MIN_CYCLES = 10;
    /** What the intervals were scaled to (corpus-cases.txt says how); a failure below MIN_CYCLES suggests one. */
    static final int TARGET_CYCLES = 16;
    /** The agent runs' heap, unless a line names its own (a program whose live set alone fills 1 MiB). */
    static final String HEAP = "1m";
    /**
     * Also under mode=copy: the programs whose threads fault on pages being built concurrently (the mutators'
     * fault path is where COPY and MOVE differ most: a COPY into the missing page against a MOVE of a page built
     * in place; ForkJoinTasks: fork/join workers stealing from each other) and the largest stdin-driven live set. AgentDifferentialTest already runs every sample under
     * copy; every line here would nearly double this test for code paths the samples already cover.
     */
    static final Set<String> COPY = Set.of("ExecutorsDemo", "ProducerConsumer", "TokenRingSmall", "MeetInPairs",
            "KNucleotide", "ForkJoinTasks");
    /** 2 vCPUs in CI: two children at a time (each a host JVM with its own marker and worker thread). */
    static final int PARALLEL = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    static final long TOYVM_TIMEOUT_SECONDS = 120;

    /** One run: a line of the cases file under one mode. */
    record Case(int index, int lineNumber, String mainClass, List<String> args, String stdin, long interval,
            String heap, String mode) {
        boolean xcomp() {
            return lineNumber % 2 == 1;
        }

        @Override
        public String toString() {
            return mainClass + (args.isEmpty() ? "" : " " + String.join(" ", args)) + (stdin == null ? "" : " <" + stdin)
                    + " mode=" + mode + (xcomp() ? " -Xcomp" : "") + " -Xmx" + heap + " -Xgc-every=" + interval;
        }
    }

    record Outcome(SampleRunner.Result hotspot, SampleRunner.Result toyvm, List<String> gcLog, List<String> cmd) { }

    /**
     * {@code -DagentCorpus.only=Prog1,Prog2}: only those programs' lines (to check new corpus lines without the
     * whole class, ~200 s on a quiet machine); unset: every line.
     */
    private static final List<Case> CASES = only(parse(casesFile()), System.getProperty("agentCorpus.only", ""));
    private static final Map<Integer, Future<Outcome>> RUNS = new ConcurrentHashMap<>();
    private static final Map<Integer, SampleRunner.Result> HOTSPOT = new ConcurrentHashMap<>();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "corpus-run");
        t.setDaemon(true);
        return t;
    });

    static Stream<Case> cases() {
        return CASES.stream();
    }

    static Path toyvmDir() {
        return SampleRunner.moduleDir().resolve("../toyvm").normalize();
    }

    static Path casesFile() {
        return toyvmDir().resolve("src/test/corpus-cases.txt");
    }

    /** Compiled from toyvm's corpus sources by this module's build (pom.xml, execution "corpus"). */
    static Path corpusClasses() {
        return SampleRunner.moduleDir().resolve("target/corpus-classes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = SampleRunner.TIMEOUT_SECONDS + TOYVM_TIMEOUT_SECONDS + 30, unit = TimeUnit.SECONDS)
    void printsWhatHotSpotPrintsUnderTheAgent(Case c) throws Exception {
        Outcome o = outcome(c);
        String difference = OutputDiff.betweenRuns(withoutJdkFrames(o.hotspot()), withoutJdkFrames(o.toyvm()));
        if (difference != null) {
            fail(c + " differs from HotSpot." + difference + "\ncommand: " + String.join(" ", o.cmd()) + "\ngc log ends:\n"
                    + tail(o.gcLog(), 8));
        }
        List<String> log = o.gcLog();
        String installed = "uffd-gc: installed the " + c.mode() + " collector";
        assertTrue(log.stream().anyMatch(l -> l.contains(installed)), "no '" + installed + "' in the gc log:\n"
                + tail(log, 20));
        List<String> notices = log.stream().filter(l -> (l.contains("uffd-gc:") && !l.contains(installed))
                || l.contains("EMERGENCY") || l.contains("Pause Full")).toList();
        assertTrue(notices.isEmpty(), c + ": the agent fell back or failed:\n" + String.join("\n", notices));
        long cycles = log.stream().filter(l -> l.contains("Pause Init Mark")).count();
        System.out.println("AgentCorpusTest: " + c + ": " + cycles + " cycles");
        long allocated = allocatedBytes(log);
        assertTrue(cycles >= MIN_CYCLES, c + ": " + cycles + " cycles (want >= " + MIN_CYCLES + "; allocated "
                + (allocated >> 10) + "K in all): lower its interval in " + casesFile() + ", to about "
                + suggestedInterval(c.interval(), cycles, allocated));
        AgentDifferentialTest.assertExitTotalIsTheSumOfThePauses(log);
    }

    @AfterAll
    static void stopRuns() {
        POOL.shutdownNow(); // a run still going (a test timed out) is interrupted, and SampleRunner kills its child
    }

    /** This case's run, started now if it is not yet, and the next PARALLEL - 1 started behind it. */
    private static Outcome outcome(Case c) throws Exception {
        for (int i = c.index(); i < Math.min(CASES.size(), c.index() + PARALLEL); i++) {
            Case next = CASES.get(i);
            RUNS.computeIfAbsent(i, k -> POOL.submit(() -> run(next)));
        }
        try {
            return RUNS.get(c.index()).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static Outcome run(Case c) throws IOException, InterruptedException {
        Path in = c.stdin() == null ? null : toyvmDir().resolve("src/test/corpus-input").resolve(c.stdin());
        List<String> hotspot = new ArrayList<>(List.of(java(), "-Duser.language=en", "-Duser.country=US", "-Xint",
                "-XX:+UseSerialGC", "-cp", corpusClasses().toString(), c.mainClass()));
        Path dir = Files.createTempDirectory("agent-corpus");
        Path gcLog = dir.resolve("gc.log");
        Path hotspotScratch = Files.createDirectory(dir.resolve("hotspot"));
        Path toyvmScratch = Files.createDirectory(dir.resolve("toyvm"));
        try {
            hotspot.addAll(arguments(c.args(), hotspotScratch));
            // Once per line: a line's move and copy runs compare with the same HotSpot run.
            SampleRunner.Result expected = HOTSPOT.computeIfAbsent(c.lineNumber(), n -> {
                try {
                    return SampleRunner.run(hotspot, SampleRunner.TIMEOUT_SECONDS, in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted running " + c + " on HotSpot", e);
                }
            });
            List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED",
                    "-Duser.language=en", "-Duser.country=US", ToyVmRunner.HOST_JIT));
            cmd.addAll(AgentAotCache.hostFlags());
            cmd.addAll(AgentAotCache.launch("mode=" + c.mode()));
            if (c.xcomp()) {
                cmd.add("-Xcomp");
            }
            cmd.addAll(List.of("-Xverify-gc", "-Xmx" + c.heap(), "-Xgc-every=" + c.interval(), "-Xlog:gc:file=" + gcLog,
                    "-cp", corpusClasses().toString(), c.mainClass()));
            cmd.addAll(arguments(c.args(), toyvmScratch));
            SampleRunner.Result toyvm = SampleRunner.run(cmd, TOYVM_TIMEOUT_SECONDS, in);
            List<String> log = Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
            return new Outcome(expected, toyvm, log, cmd);
        } finally {
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The cases' argument placeholders, as toyvm's CorpusTest reads them: {@code @input/NAME}, {@code @tmp}. */
    private static List<String> arguments(List<String> args, Path scratch) {
        return args.stream().map(a -> a.equals("@tmp") ? scratch.toString() : a.startsWith("@input/")
                ? toyvmDir().resolve("src/test/corpus-input").resolve(a.substring(7)).toAbsolutePath().toString() : a)
                .toList();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<Case> only(List<Case> all, String programs) {
        if (programs.isBlank()) {
            return all;
        }
        Set<String> wanted = Set.of(programs.split(","));
        List<Case> kept = new ArrayList<>();
        for (Case c : all) {
            if (wanted.contains(c.mainClass())) {
                kept.add(new Case(kept.size(), c.lineNumber(), c.mainClass(), c.args(), c.stdin(), c.interval(), c.heap(),
                        c.mode()));
            }
        }
        return List.copyOf(kept);
    }

    /** Every non-comment line of the cases file: program | args | stdin | interval, '-' for none. */
    static List<Case> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus cases " + file, e);
        }
        List<Case> cases = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 4) {
                throw new IllegalStateException(file + ":" + n + ": want 4 '|'-separated fields, got " + f.length);
            }
            String main = f[0].strip();
            List<String> args = f[1].strip().equals("-") ? List.of() : List.of(f[1].strip().split(" +"));
            String stdin = f[2].strip().equals("-") ? null : f[2].strip();
            String[] agent = f[3].strip().split(" +");
            long interval;
            try {
                interval = Long.parseLong(agent[0]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + ":" + n + ": the agent interval is not a byte count: " + f[3]);
            }
            if (agent.length > 2 || agent.length == 2 && !agent[1].matches("\\d+[km]")) {
                throw new IllegalStateException(file + ":" + n + ": want 'interval' or 'interval heap' (e.g. 4m), got: " + f[3]);
            }
            String heap = agent.length == 2 ? agent[1] : HEAP;
            cases.add(new Case(cases.size(), n, main, args, stdin, interval, heap, "move"));
            if (COPY.contains(main)) {
                cases.add(new Case(cases.size(), n, main, args, stdin, interval, heap, "copy"));
            }
        }
        return List.copyOf(cases);
    }

    /** stderr without JDK frames' stack-trace lines and the "... n more" lines counting them (as CorpusTest). */
    static SampleRunner.Result withoutJdkFrames(SampleRunner.Result r) {
        String own = r.stderr().lines().filter(l -> !(l.startsWith("\tat java.") || l.startsWith("\tat jdk.")
                || l.startsWith("\tat sun.") || l.matches("\t\\.\\.\\. \\d+ more")))
                .collect(Collectors.joining("\n"));
        return new SampleRunner.Result(r.exitCode(), r.stdout(), own);
    }

    private static final Pattern ALLOCATED = Pattern.compile("Allocated (\\d+)K");

    /** The exit summary's allocation total (counted in TLABs, so coarse), -1 without one. */
    private static long allocatedBytes(List<String> log) {
        for (String l : log) {
            Matcher m = ALLOCATED.matcher(l);
            if (l.contains("[gc,heap,exit]") && m.find()) {
                return Long.parseLong(m.group(1)) << 10;
            }
        }
        return -1;
    }

    /** Scaled from the cycles seen, or without any, from the allocation total (cycles ~ allocated / 2 intervals). */
    static long suggestedInterval(long interval, long cycles, long allocated) {
        long guess = cycles > 0 ? interval * cycles / TARGET_CYCLES : allocated / (2L * TARGET_CYCLES);
        return Math.max(128, guess / 64 * 64);
    }

    private static String tail(List<String> lines, int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
