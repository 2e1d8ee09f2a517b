package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every samples.txt program on toyvm under the uffd-gc agent, as a user runs it ({@code java -javaagent:uffd-gc.jar
 * -jar toyvm.jar}: the shaded jar, ByteBuddy Advice on the built-in collector), with mode=move and mode=copy, in
 * heaps small enough for at least {@link #MIN_CYCLES} concurrent cycles, and -Xverify-gc (graph hash and
 * structure around every cycle): stdout, stderr and exit status identical to HotSpot's.
 */
class AgentDifferentialTest {
    static final int MIN_CYCLES = 20;
    /** Heaps measured to give >= 20 cycles; Churn's live arrays need more room. */
    static final Map<String, String> HEAP = Map.of("Churn", "2560k", "Json", "640k", "Showcase", "640k",
            "ThreadedLruCache", "384k", "ThreadedPipeline", "640k");

    static Stream<Arguments> cases() {
        return SampleLine.parse(SampleRunner.samplesFile()).stream().flatMap(s -> Stream.of("move", "copy")
                .map(mode -> Arguments.of(Named.of(s.simpleName(), s), mode)));
    }

    static Path agentJar() {
        return SampleRunner.moduleDir().resolve("../agent/target/uffd-gc.jar").normalize();
    }

    static Path toyvmJar() {
        return SampleRunner.moduleDir().resolve("../toyvm/target/toyvm.jar").normalize();
    }

    @ParameterizedTest(name = "{0} mode={1}")
    @MethodSource("cases")
    @Timeout(value = SampleRunner.TIMEOUT_SECONDS + ToyVmRunner.TIMEOUT_SECONDS + 30, unit = TimeUnit.SECONDS)
    void samplePrintsWhatHotSpotPrints(SampleLine sample, String mode, @TempDir Path tmp) throws Exception {
        SampleRunner.Result hotspot = SampleRunner.run(sample);
        Path gcLog = tmp.resolve("gc.log");
        List<String> launcher = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-Duser.language=en", "-Duser.country=US",
                "-javaagent:" + agentJar() + "=mode=" + mode, "-jar", toyvmJar().toString()));
        if (mode.equals("move")) {
            launcher.add("-Xcomp"); // every method compiled at its first call: compiled frames under the compactor
        }
        String heap = HEAP.getOrDefault(sample.simpleName(), "1m");
        SampleRunner.Result toyvm = SampleRunner.run(ToyVmRunner.command(launcher, true, heap, gcLog,
                SampleRunner.classesDir(), sample));
        assertEquals(hotspot.stdout(), toyvm.stdout(), sample + " mode=" + mode + " stdout differs; stderr:\n"
                + toyvm.stderr());
        assertEquals(hotspot.stderr(), toyvm.stderr());
        assertEquals(hotspot.exitCode(), toyvm.exitCode());
        List<String> log = Files.readAllLines(gcLog);
        long cycles = log.stream().filter(l -> l.contains("Pause Init Mark")).count();
        assertTrue(cycles >= MIN_CYCLES, cycles + " cycles under -Xmx" + heap + " (want >= " + MIN_CYCLES + ")");
        assertTrue(log.stream().noneMatch(l -> l.contains("EMERGENCY") || l.contains("not available")),
                String.join("\n", log));
    }
}
