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

/** The launcher's own contract: help, unknown commands, and a clear message when no JDK 25 can be found. */
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
