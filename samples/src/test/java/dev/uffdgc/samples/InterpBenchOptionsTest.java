package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bench interp's command lines, without running the bench: --help is usage and exit 0, bad input exit 2, and toyvm
 * is timed with the host flags of ./uffd-gc run, nothing more.
 */
class InterpBenchOptionsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String... args) throws Exception {
        return InterpBench.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        for (String help : new String[] {"--help", "-h"}) {
            out.reset();
            assertEquals(0, launch("--rounds", "2", help), help);
            String usage = out.toString(StandardCharsets.UTF_8);
            assertTrue(usage.startsWith("Usage: ./uffd-gc bench interp"), usage);
            for (String option : new String[] {"--heap", "--rounds", "--warmup", "--out"}) {
                assertTrue(usage.contains(option), option + " missing from " + usage);
            }
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownOptionIsExitTwoNamingIt() throws Exception {
        assertEquals(2, launch("--bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bench interp: unknown option --bogus\nUsage:"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void toyvmFromTheJarGetsNoExportThatWouldDropItsAotCache() {
        List<String> cmd = ToyVmRunner.fromJar(Path.of("toyvm.jar"), List.of("-XX:AOTCache=toyvm.aot"));
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("--add-exports")), cmd.toString());
        assertEquals(List.of("-XX:AOTCache=toyvm.aot", "-jar", "toyvm.jar"), cmd.subList(cmd.size() - 3, cmd.size()));
        // A class-path launch has no manifest to export jdk.internal.misc: there the flag is needed.
        assertTrue(ToyVmRunner.fromTestClassPath().stream().anyMatch(a -> a.startsWith("--add-exports")));
    }
}
