package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every samples.txt line twice on HotSpot in a forked JVM: both runs must exit 0 and print the same
 * bytes, and those bytes must equal the checked-in expected output. The first guards the differential test
 * against nondeterministic samples; the second catches any change to what a sample prints.
 */
class SamplesDeterminismTest {
    static List<SampleLine> samples() {
        return SampleLine.parse(SampleRunner.samplesFile());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @Timeout(value = 2 * SampleRunner.TIMEOUT_SECONDS + 30, unit = TimeUnit.SECONDS)
    void runsDeterministicallyAndAsExpected(SampleLine sample) throws Exception {
        SampleRunner.Result first = SampleRunner.run(sample);
        assertEquals(0, first.exitCode(), sample + " failed:\n" + first.stderr());
        assertFalse(first.stdout().isEmpty(), sample + " printed nothing");

        SampleRunner.Result second = SampleRunner.run(sample);
        assertEquals(0, second.exitCode(), sample + " failed on the second run:\n" + second.stderr());
        assertEquals(first.stdout(), second.stdout(), sample + " printed different output on a second run");

        String expected = Files.readString(SampleRunner.expectedFile(sample));
        assertEquals(expected, first.stdout(), sample + " differs from " + SampleRunner.expectedFile(sample)
                + "; if the change is intended, regenerate it with RegenerateExpected");
    }
}
