package dev.uffdgc.experiments.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The experiment's command line: --help succeeds, bad input is named and exits 2 before anything runs. */
class SwapExperimentOptionsTest {

    private static String[] run(int expectedExit, String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit = SwapExperiment.run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, out);
        return out.split("\n");
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        String[] lines = run(SwapExperiment.EXIT_OK, "--help");
        assertTrue(lines[0].startsWith("Usage: ./uffd-gc experiment swap"), lines[0]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--heap 1k|--heap must be between 16m and 2047m",
            "--cold 1.5|--cold",
            "--modes fast|fast",
            "--scenarios cold|'cold' is not swapped or resident",
            "--frobnicate 1|unknown option --frobnicate",
            "--out|--out needs a value"})
    void badInputIsNamedAndExitsTwo(String args, String expected) {
        String[] lines = run(SwapExperiment.EXIT_USAGE, args.split(" "));
        assertTrue(lines[0].startsWith("uffd-gc experiment swap: "), lines[0]);
        assertTrue(lines[0].contains(expected), lines[0]);
        assertTrue(String.join("\n", lines).contains("Usage: ./uffd-gc experiment swap"));
    }
}
