package dev.uffdgc.samples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a sample in a fresh {@code java} from the JDK running the tests, with the sample classes as its only
 * class path and a fixed locale (String.format's decimal separator depends on it), under a small heap so a
 * sample whose live set outgrows what toyvm will give it fails here first.
 */
final class SampleRunner {
    /** The largest heap toyvm's differential runs are meant to use; every sample must fit in it on HotSpot. */
    static final String HEAP = "-Xmx16m";
    static final long TIMEOUT_SECONDS = 60;

    record Result(int exitCode, String stdout, String stderr) {}

    private SampleRunner() {}

    /** samples/ — found from where the sample classes were loaded (samples/target/classes). */
    static Path moduleDir() {
        try {
            Path classes = Path.of(BinaryTrees.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the sample classes", e);
        }
    }

    static Path classesDir() {
        return moduleDir().resolve("target/classes");
    }

    static Path samplesFile() {
        return moduleDir().resolve("samples.txt");
    }

    static Path expectedFile(SampleLine sample) {
        return moduleDir().resolve("src/test/resources/expected/" + sample.simpleName() + ".out");
    }

    static List<String> command(List<String> jvmOptions, String classPath, SampleLine sample) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Duser.language=en");
        cmd.add("-Duser.country=US");
        cmd.add("-XX:+UseSerialGC");
        cmd.add(HEAP);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(sample.mainClass());
        cmd.addAll(sample.args());
        return cmd;
    }

    static Result run(SampleLine sample) throws IOException, InterruptedException {
        return run(command(List.of(), classesDir().toString(), sample));
    }

    private static final Map<SampleLine, Result> HOTSPOT = new ConcurrentHashMap<>();

    /** HotSpot's run of a sample, computed once per test JVM and compared with every toyvm run of it. */
    static Result hotspot(SampleLine sample) {
        return HOTSPOT.computeIfAbsent(sample, s -> {
            try {
                return run(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted running " + s + " on HotSpot", e);
            }
        });
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        return run(cmd, TIMEOUT_SECONDS);
    }

    /**
     * Runs cmd, capturing stdout and stderr in files so neither pipe can fill up and stall the child; a child
     * still running after timeoutSeconds is killed and the run fails.
     */
    static Result run(List<String> cmd, long timeoutSeconds) throws IOException, InterruptedException {
        return run(cmd, timeoutSeconds, null);
    }

    /** The same with stdin read from a file (null: /dev/null). */
    static Result run(List<String> cmd, long timeoutSeconds, Path stdin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sample-run");
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        try {
            // stdin at its end, as for a program started with < /dev/null: a sample that reads it must not wait.
            File in = stdin == null ? new File("/dev/null") : stdin.toFile();
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(in))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", cmd));
                }
            } finally {
                // Also when a JUnit @Timeout interrupts this thread: the child must not outlive its test.
                if (p.isAlive()) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(dir);
        }
    }
}
