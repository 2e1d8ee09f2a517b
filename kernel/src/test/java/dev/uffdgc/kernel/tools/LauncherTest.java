package dev.uffdgc.kernel.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's own contract: help, unknown commands, a clear message when no JDK 25 can be found, the same
 * host flags for toyvm with and without the agent, and no launcher output in a program's streams. The last two
 * use UFFDGC_DRY_RUN (print the java command instead of building or running it), so they need no build.
 */
@Timeout(60)
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "uffd-gc").toAbsolutePath().normalize();

    record Result(int exit, String out, String err) {
    }

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add("/bin/bash");
        pb.command().add(LAUNCHER.toString());
        pb.command().addAll(List.of(args));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher did not exit");
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void helpListsTheCommandsAndExitsZero() throws Exception {
        Result r = run(Map.of(), "--help");
        assertEquals(0, r.exit(), r.err());
        for (String command : List.of("doctor", "demo", "test", "build", "run [--gc=move|copy|stw[,opts]] <toyvm args>", "attach <pid>",
                "bench kernel", "bench interp", "bench gc", "bench pause", "experiment swap")) {
            assertTrue(r.out().contains(command), "help does not mention " + command + ":\n" + r.out());
        }
    }

    /**
     * The flags before {@code -jar} (or {@code -cp}), minus the agent, toyvm's export (toyvm.jar's manifest gives it
     * to a {@code -jar} start; a class-path start, as under the agent, passes it) and the AOT cache file's name.
     */
    private static List<String> hostFlags(String command) {
        List<String> words = List.of(command.strip().split(" "));
        int end = words.indexOf("-jar") >= 0 ? words.indexOf("-jar") : words.indexOf("-cp");
        return words.subList(1, end).stream().filter(w -> !w.startsWith("-javaagent:") && !w.startsWith("--add-exports="))
                .map(w -> w.startsWith("-XX:AOTCache=") ? "-XX:AOTCache=<file>" : w).toList();
    }

    @Test
    void runGivesToyvmTheSameHostFlagsWithAndWithoutTheAgent(@TempDir Path stamps) throws Exception {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("UFFDGC_TOYVM_JIT", ""),
                Map.of("UFFDGC_TOYVM_JIT", "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=2"))) {
            Map<String, String> e = new java.util.HashMap<>(env);
            e.put("UFFDGC_DRY_RUN", "1");
            e.put("UFFDGC_STAMP_DIR", stamps.toString());
            Result stw = run(e, "run", "-cp", "x", "Main");
            Result agent = run(e, "run", "--gc=move,workers=1", "-cp", "x", "Main");
            assertEquals(0, stw.exit(), stw.err());
            assertEquals(0, agent.exit(), agent.err());
            assertTrue(agent.out().contains("-javaagent:") && agent.out().contains("=mode=move,workers=1 "), agent.out());
            // Under the agent toyvm starts from the class path with the agent jar on it: its AOT cache then holds
            // the agent's classes (it skips a jar that only -javaagent adds).
            assertTrue(agent.out().matches("(?s).* -cp \\S*toyvm\\.jar:\\S*uffd-gc\\.jar dev\\.uffdgc\\.toyvm\\.cli\\.Main .*"),
                    agent.out());
            assertEquals(hostFlags(stw.out()), hostFlags(agent.out()), stw.out() + agent.out());
            assertTrue(hostFlags(stw.out()).contains("-XX:AOTCache=<file>"), stw.out());
            String jit = env.getOrDefault("UFFDGC_TOYVM_JIT", "-XX:TieredStopAtLevel=1");
            assertTrue(stw.out().contains("--enable-native-access=ALL-UNNAMED " + (jit.isEmpty() ? "" : jit + " ")
                    + "-XX:AOTCache="), stw.out());
            // Each gets a cache trained its own way (one with the agent loaded: see the launcher's comment).
            assertTrue(stw.out().contains("toyvm.aot ") && agent.out().contains("toyvm-agent.aot "), agent.out());
            // bench pause gives its toyvm runs the same flags as run: one set without the agent, one with it.
            Result pause = run(e, "bench", "pause");
            assertEquals(0, pause.exit(), pause.err());
            String prefix = jit.isEmpty() ? "" : jit + " ";
            assertTrue(pause.out().contains("--toyvm-host-flags " + prefix + "-XX:AOTCache=")
                    && pause.out().contains("--agent-host-flags " + prefix + "-XX:AOTCache="), pause.out());
            assertTrue(pause.out().matches("(?s).*--toyvm-host-flags \\S.*toyvm\\.aot .*--agent-host-flags .*toyvm-agent\\.aot .*"),
                    pause.out());
            Result demo = run(e, "demo");
            assertEquals(0, demo.exit(), demo.err());
            // The demo runs toyvm from the class path, not -jar: it needs toyvm's export on the command line.
            assertTrue(demo.out().contains("--enable-native-access=ALL-UNNAMED " + (jit.isEmpty() ? "" : jit + " ")
                    + "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp "), demo.out());
        }
    }

    @Test
    void runPrintsNothingOfItsOwnIntoTheProgramsStreams(@TempDir Path stamps) throws Exception {
        // An empty stamp directory: the launcher must build and train the AOT caches first.
        Map<String, String> env = Map.of("UFFDGC_DRY_RUN", "1", "UFFDGC_STAMP_DIR", stamps.toString());
        Result build = run(env, "build");
        assertTrue(build.err().contains("building") && build.err().contains("training toyvm's AOT cache"), build.err());
        for (String[] args : List.of(new String[] {"run", "-cp", "x", "Main"},
                new String[] {"run", "--gc=copy", "-cp", "x", "Main"})) {
            Result r = run(env, args);
            assertEquals(0, r.exit(), r.err());
            assertEquals("", r.err(), "launcher output in the program's stderr");
            assertEquals(1, r.out().lines().count(), "stdout holds only the (dry-run) java command: " + r.out());
        }
    }

    @Test
    void unknownCommandIsRejectedWithExitTwo() throws Exception {
        Result r = run(Map.of(), "frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown command 'frobnicate'"), r.err());
    }

    @Test
    void saysWhatIsMissingWhenNoJdk25CanBeFound(@TempDir Path jvmDir) throws Exception {
        Files.createDirectories(jvmDir.resolve("not-a-jdk"));
        Result r = run(Map.of("JAVA_HOME", "/nonexistent-jdk", "UFFDGC_JDK_SEARCH", jvmDir.toString(),
                "PATH", "/nonexistent-bin:/bin"), "build");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("no JDK >= 25 found"), r.err());
        assertTrue(r.err().contains("/nonexistent-jdk: not a JDK"), r.err());
        assertTrue(r.err().contains("not-a-jdk: not a JDK"), r.err());
        assertTrue(r.err().contains("point JAVA_HOME at it"), r.err());
    }
}
