package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** samples.txt is well formed: every line names a runnable sample with an expected output, each once. */
class SamplesFileTest {
    private static final List<SampleLine> SAMPLES = SampleLine.parse(SampleRunner.samplesFile());

    @Test
    void listsEverySampleProgramOnce() {
        Set<String> names = new HashSet<>();
        for (SampleLine s : SAMPLES) {
            assertTrue(names.add(s.simpleName()), "line " + s.lineNumber() + ": " + s.simpleName() + " listed twice");
        }
        assertEquals(Set.of("BinaryTrees", "NBody", "Json", "Richards", "Churn", "Showcase", "ThreadedLruCache",
                "ThreadedPipeline", "ParallelBinaryTrees"), names);
    }

    @Test
    void everyClassExistsWithAPublicStaticMain() throws Exception {
        assertFalse(SAMPLES.isEmpty(), "samples.txt lists nothing");
        for (SampleLine s : SAMPLES) {
            Class<?> c = Class.forName(s.mainClass(), false, getClass().getClassLoader());
            Method main = c.getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()), s + ": main is not static");
            assertEquals(void.class, main.getReturnType(), s + ": main does not return void");
            assertEquals("dev.uffdgc.samples", c.getPackageName(), s + ": outside the samples package");
        }
    }

    @Test
    void argumentsAreNumbers() {
        // Every sample sizes itself from integer arguments; anything else is a typo that the sample would
        // only report at run time, on each VM separately.
        for (SampleLine s : SAMPLES) {
            for (String arg : s.args()) {
                assertTrue(arg.matches("-?\\d+"), "line " + s.lineNumber() + ": argument '" + arg + "' is not an integer");
            }
        }
    }

    @Test
    void everySampleHasAnExpectedOutput() {
        for (SampleLine s : SAMPLES) {
            Path expected = SampleRunner.expectedFile(s);
            assertTrue(Files.isRegularFile(expected), s + ": no expected output " + expected
                    + " (generate it with RegenerateExpected)");
        }
    }

    @Test
    void parsesCommentsBlankLinesAndArguments() throws Exception {
        Path file = Files.createTempFile("samples", ".txt");
        try {
            Files.writeString(file, "# allocates a lot\n\n  a.b.C 1  2\nx.Y\n   # indented comment\n");
            List<SampleLine> parsed = SampleLine.parse(file);
            assertEquals(List.of(new SampleLine(3, "a.b.C", List.of("1", "2")), new SampleLine(4, "x.Y", List.of())),
                    parsed);
            assertEquals("C", parsed.get(0).simpleName());
        } finally {
            Files.delete(file);
        }
    }
}
