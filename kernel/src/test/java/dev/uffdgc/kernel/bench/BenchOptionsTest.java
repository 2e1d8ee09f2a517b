package dev.uffdgc.kernel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's command line: defaults, and a clear message for each kind of bad input. */
class BenchOptionsTest {
    @TempDir
    Path dir;

    private Path source() throws IOException {
        return Files.writeString(dir.resolve("floor.c"), "int main(void) { return 0; }\n");
    }

    private static String rejected(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(args)).getMessage();
    }

    @Test
    void defaultsAndOverrides() throws IOException {
        String src = source().toString();
        BenchOptions d = BenchOptions.parse("--c-source", src);
        assertEquals(16384, d.pages());
        assertEquals(5, d.rounds());
        assertEquals(1024, d.faults());
        assertEquals(BenchOptions.Schedule.INTERLEAVED, d.schedule());
        BenchOptions o = BenchOptions.parse("--pages", "64", "--rounds", "9", "--warmup", "0", "--c-source", src,
                "--schedule", "sequential");
        assertEquals(64, o.pages());
        assertEquals(9, o.rounds());
        assertEquals(0, o.warmup());
        assertEquals(4, o.faults());
        assertEquals(BenchOptions.Schedule.SEQUENTIAL, o.schedule());
    }

    @Test
    void helpNeedsNothingElse() {
        assertTrue(BenchOptions.parse("--help").help());
    }

    @Test
    void rejectsBadInputWithAClearMessage() throws IOException {
        String src = source().toString();
        assertEquals("--pages wants an integer in [16, 1048576], got 'lots'",
                rejected("--c-source", src, "--pages", "lots"));
        assertEquals("--pages must be in [16, 1048576], got 8", rejected("--c-source", src, "--pages", "8"));
        assertEquals("--rounds must be in [1, 1000], got 0", rejected("--c-source", src, "--rounds", "0"));
        assertEquals("--rounds needs a value", rejected("--c-source", src, "--rounds"));
        assertEquals("unknown argument '--page' (see --help)", rejected("--c-source", src, "--page", "4"));
        assertEquals("--schedule wants interleaved or sequential, got 'random'",
                rejected("--c-source", src, "--schedule", "random"));
        assertTrue(rejected("--pages", "64").contains("--c-source <floor.c> is required"));
        assertTrue(rejected("--c-source", dir.resolve("missing.c").toString()).contains("no such file"));
    }
}
