package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compatibility corpus (src/test/corpus): small programs written the way public examples, benchmark-game
 * entries and everyday tools are (formatting, BigInteger/BigDecimal, regex, streams, collections, reflection,
 * stdin filters, threads, the language's classic and modern features), run on HotSpot and on toyvm (16 MiB
 * heap, verified around every collection), stdin fed from a file where the program reads it. stdout and the
 * exit status must be byte-identical; so must stderr, except stack-trace lines of JDK frames ("\tat
 * java.base/..." on HotSpot): toyvm's guest library has its own line numbers there and no module names. The
 * program's own frames are compared.
 *
 * Programs that do not run yet are listed with the failure toyvm names (known gaps): the test checks that they
 * still fail that way, so a fix shows up as a failure asking to move the line.
 */
class CorpusTest {
    private static final Path CLASSES = Path.of(System.getProperty("toyvm.corpusClasses", "target/corpus-classes"));
    private static final Path INPUT = Path.of("src/test/corpus-input");

    /** The cases: src/test/corpus-cases.txt (its fourth column, the -Xgc-every of samples' AgentCorpusTest, unused here). */
    @ParameterizedTest(name = "{0} {1} <{2}")
    @CsvFileSource(files = "src/test/corpus-cases.txt", delimiter = '|', nullValues = "-")
    @Timeout(120)
    void printsWhatHotSpotPrints(String mainClass, String arg, String stdin) {
        Run r = run(mainClass, arg, stdin);
        assertEquals(r.hotspot.stdout(), r.toyvm.stdout(), mainClass + " stdout; toyvm stderr:\n" + r.toyvm.stderr());
        assertEquals(r.hotspot.status(), r.toyvm.status(), mainClass + " exit status; toyvm stderr:\n" + r.toyvm.stderr());
        assertEquals(ownFrames(r.hotspot.stderr()), ownFrames(r.toyvm.stderr()), mainClass + " stderr");
    }

    /** Known gaps: the program, and what toyvm's stderr names (the missing piece). */
    @ParameterizedTest(name = "{0} (known gap: {3})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "SerialRecords|-|-|unsupported native method java.lang.invoke.MethodHandleNatives.registerNatives()V"})
    @Timeout(120)
    void knownGapsStillFailNamingWhatIsMissing(String mainClass, String arg, String stdin, String named) {
        Run r = run(mainClass, arg, stdin);
        assertNotEquals(r.hotspot.stdout() + r.hotspot.status(), r.toyvm.stdout() + r.toyvm.status(),
                mainClass + " now prints what HotSpot prints: move it to printsWhatHotSpotPrints");
        assertTrue(r.toyvm.stderr().contains(named), mainClass + " fails otherwise than known:\n" + r.toyvm.stderr());
        assertEquals(1, r.toyvm.status(), r.toyvm.stderr());
    }

    /** A program added to src/test/corpus but to neither list would never run. */
    @Test
    void everyCorpusProgramIsACaseOrAKnownGap() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/test/corpus-cases.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.split("\\|")[0].strip());
            }
        }
        CsvSource gaps = CorpusTest.class.getDeclaredMethod("knownGapsStillFailNamingWhatIsMissing", String.class,
                String.class, String.class, String.class).getAnnotation(CsvSource.class);
        for (String gap : gaps.value()) {
            listed.add(gap.split("\\|")[0]);
        }
        Set<String> programs = new TreeSet<>();
        try (var files = Files.list(Path.of("src/test/corpus"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .forEach(n -> programs.add(n.substring(0, n.length() - 5)));
        }
        Set<String> unlisted = new TreeSet<>(programs);
        unlisted.removeAll(listed);
        assertEquals(Set.of(), unlisted, "corpus programs in neither corpus-cases.txt nor the known gaps");
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(programs);
        assertEquals(Set.of(), missing, "listed programs without a source in src/test/corpus");
    }

    private record Run(GuestRun hotspot, GuestRun toyvm) { }

    private static Run run(String mainClass, String arg, String stdin) {
        Path in = stdin == null ? null : INPUT.resolve(stdin);
        Path hotspotScratch = scratch();
        Path toyvmScratch = scratch();
        try {
            GuestRun hotspot = GuestRun.hotspot(120, List.of(), CLASSES, in == null ? Path.of("/dev/null") : in, mainClass,
                    arguments(arg, hotspotScratch));
            VmOptions options = GuestRun.options(CLASSES, "16m");
            options.verifyGc = true;
            GuestRun toyvm = GuestRun.toyvm(options, in, mainClass, arguments(arg, toyvmScratch));
            return new Run(hotspot, toyvm);
        } finally {
            deleteTree(hotspotScratch);
            deleteTree(toyvmScratch);
        }
    }

    /**
     * A case's arguments (space-separated): {@code @input/NAME} is that file of src/test/corpus-input (absolute, so
     * the program finds it from any working directory), {@code @tmp} a fresh directory of this run's own, which the
     * test removes afterwards, also when the program failed halfway (samples' AgentCorpusTest reads them alike).
     */
    static String[] arguments(String arg, Path scratch) {
        if (arg == null) {
            return new String[0];
        }
        return java.util.Arrays.stream(arg.split(" ")).map(a -> a.equals("@tmp") ? scratch.toString()
                : a.startsWith("@input/") ? INPUT.resolve(a.substring(7)).toAbsolutePath().toString() : a)
                .toArray(String[]::new);
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("corpus-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the scratch directory " + dir, e);
        }
    }

    /** stderr without the stack-trace lines of JDK frames and the "... n more" lines that count them. */
    static String ownFrames(String stderr) {
        return stderr.lines().filter(l -> !(l.startsWith("\tat java.") || l.startsWith("\tat jdk.")
                || l.startsWith("\tat sun.") || l.matches("\t\\.\\.\\. \\d+ more"))).collect(Collectors.joining("\n"));
    }
}
