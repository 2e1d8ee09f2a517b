package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic attach under load: toyvm starts with its built-in collector; once it has collected, {@code java -jar
 * uffd-gc.jar <pid> mode=move} attaches the agent through the Attach API; the following cycles are concurrent
 * (the gc log shows both kinds) and the guest's output is still HotSpot's. The guest ({@code ChurnUntilEof}) runs
 * until its stdin is closed, which the test does once two concurrent cycles are logged: a fixed-size workload
 * finished before the attach did once the compiled tier made it fast ("Premature EOF" from the Attach API).
 */
class AgentAttachTest {
    @Test
    @Timeout(300)
    void attachingSwitchesCollectorsWithoutChangingTheOutput(@TempDir Path tmp) throws Exception {
        SampleLine sample = new SampleLine(0, "dev.uffdgc.samples.ChurnUntilEof", List.of("14", "10"));
        SampleRunner.Result hotspot = SampleRunner.run(sample);
        Path gcLog = tmp.resolve("gc.log");
        Path out = tmp.resolve("out");
        List<String> cmd = ToyVmRunner.command(List.of(java(), "--enable-native-access=ALL-UNNAMED",
                "-XX:+EnableDynamicAgentLoading", "-Duser.language=en", "-Duser.country=US", "-jar",
                AgentDifferentialTest.toyvmJar().toString()), false, "8m", gcLog, SampleRunner.classesDir(), sample);
        Process toyvm = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(tmp.resolve("err").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(gcLog) || Files.readString(gcLog).lines().noneMatch(l -> l.contains("Pause Full"))) {
                assertTrue(toyvm.isAlive(), "toyvm ended before its first collection");
                assertTrue(System.nanoTime() < deadline, "no collection within 120 s");
                Thread.sleep(20);
            }
            Process attach = new ProcessBuilder(java(), "-jar", AgentDifferentialTest.agentJar().toString(),
                    Long.toString(toyvm.pid()), "mode=move,verify=true").redirectErrorStream(true).start();
            String said = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(attach.waitFor(60, TimeUnit.SECONDS), "attach did not return");
            assertEquals(0, attach.exitValue(), said);
            long cyclesDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (count(Files.readAllLines(gcLog), "Pause Init Mark") < 2) {
                assertTrue(toyvm.isAlive(), "toyvm ended before two concurrent cycles");
                assertTrue(System.nanoTime() < cyclesDeadline, "no two concurrent cycles within 120 s of the attach");
                Thread.sleep(20);
            }
            toyvm.getOutputStream().close(); // the guest's stdin ends: it finishes its round and prints
            assertTrue(toyvm.waitFor(120, TimeUnit.SECONDS), "toyvm did not finish after its stdin ended");
        } finally {
            toyvm.destroyForcibly();
        }
        assertEquals(hotspot.stdout(), Files.readString(out), Files.readString(tmp.resolve("err")));
        assertEquals(0, toyvm.exitValue());
        List<String> log = Files.readAllLines(gcLog);
        int firstConcurrent = indexOf(log, "Pause Init Mark");
        assertTrue(firstConcurrent > 0, "no concurrent cycle after the attach:\n" + String.join("\n", log));
        assertTrue(indexOf(log, "Pause Full") < firstConcurrent, "built-in collections come first");
        assertTrue(count(log, "Pause Init Mark") >= 2, String.join("\n", log));
    }

    private static long count(List<String> lines, String text) {
        return lines.stream().filter(l -> l.contains(text)).count();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
