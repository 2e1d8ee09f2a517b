package dev.uffdgc.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The host AOT cache (JDK 25, JEPs 483/515) for the tests' runs of toyvm.jar under the agent jar, trained as the
 * launcher trains its own ({@code ./uffd-gc run --gc=...}: toyvm's guest Training program, C1 only, the agent
 * loaded with mode=move; the cache serves every mode): ByteBuddy's and toyvm's classes come loaded and linked
 * from it. Measured 2026-12-07 at load 8.5, three interleaved rounds under mode=move with -Xverify-gc: Casts 2.46
 * -> 1.90 s CPU, StreamsPrimes 2.78 -> 2.15 (-23%); at load 8-9, two rounds of FormatTable, JavaTime, Reflect
 * (move) and ProducerConsumer (copy): 20.3 -> 18.0 s CPU in all (-11%; JavaTime no gain). A run of an empty
 * program under the agent costs ~1.5 s CPU without it, twice toyvm's own start-up, most of a corpus run. Training
 * costs ~6 s CPU once per build: the cache is kept in samples/target and retrained when either jar is newer. A
 * cache that cannot be trained or is refused (another JDK) changes nothing but the time: the runs' {@code
 * -Xlog:aot=off,cds=off} keeps the JVM quiet.
 *
 * <p>toyvm starts from the class path with the agent jar on it ({@link #launch}), as the launcher's {@code run --gc}
 * does: JDK 25's AOT cache skips the classes of a jar that only {@code -javaagent} adds ("Unsupported location"),
 * so with {@code -jar toyvm.jar} ByteBuddy's and the agent's ~1,100 classes were loaded from the jar at every start.
 * Measured 2026-12-07 at load ~7-10, six corpus lines under mode=move as AgentCorpusTest runs them, two
 * interleaved rounds: see samples/README.md.
 */
final class AgentAotCache {
    private static List<String> flags;

    private AgentAotCache() {
    }

    /**
     * How a test starts toyvm under the agent with {@code options} ("mode=move"...), after the host flags:
     * {@code -javaagent:uffd-gc.jar=options}, then toyvm's main class from the class path toyvm.jar:uffd-gc.jar
     * (the same classes as {@code -jar toyvm.jar}, whose manifest's export it repeats).
     */
    static List<String> launch(String options) {
        return List.of("-javaagent:" + AgentDifferentialTest.agentJar() + "=" + options,
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-cp",
                AgentDifferentialTest.toyvmJar() + java.io.File.pathSeparator + AgentDifferentialTest.agentJar(),
                "dev.uffdgc.toyvm.cli.Main");
    }

    /** The host flags for a {@link #launch} run (none when training failed). */
    static synchronized List<String> hostFlags() throws IOException, InterruptedException {
        if (flags == null) {
            Path cache = SampleRunner.moduleDir().resolve("target/toyvm-agent-test.aot");
            if (!upToDate(cache)) {
                train(cache);
            }
            flags = Files.exists(cache) ? List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off,cds=off") : List.of();
        }
        return flags;
    }

    private static boolean upToDate(Path cache) throws IOException {
        if (!Files.exists(cache)) {
            return false;
        }
        var built = Files.getLastModifiedTime(cache);
        return built.compareTo(Files.getLastModifiedTime(AgentDifferentialTest.toyvmJar())) > 0
                && built.compareTo(Files.getLastModifiedTime(AgentDifferentialTest.agentJar())) > 0;
    }

    /** Trains into a temporary file moved into place at the end, so that no run ever maps half a cache. */
    private static void train(Path cache) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(cache.getParent(), "aot-training");
        Path out = dir.resolve("cache.aot");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", ToyVmRunner.HOST_JIT, "-XX:AOTCacheOutput=" + out,
                "-Xlog:aot=off,cds=off"));
        cmd.addAll(launch("mode=move"));
        cmd.addAll(List.of("-cp", AgentCorpusTest.toyvmDir().resolve("target/guest-classes").toString(), "Training", "5"));
        try {
            // Training ends with System.exit(7) (its last program tests exit codes): the cache is what counts.
            String failure;
            try {
                SampleRunner.Result r = SampleRunner.run(cmd, ToyVmRunner.TIMEOUT_SECONDS);
                failure = "exit " + r.exitCode() + ":\n" + r.stderr();
            } catch (IllegalStateException e) { // timed out: the runs go without a cache, and no run trains again
                failure = e.getMessage();
            }
            if (Files.exists(out)) {
                Files.move(out, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                System.out.println("AgentAotCache: no cache trained, runs go without one (" + failure + ")");
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
