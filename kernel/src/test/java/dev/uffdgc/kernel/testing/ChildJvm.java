package dev.uffdgc.kernel.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The hang watchdog for tests that can deadlock HotSpot at a safepoint (DESIGN.md): the test body runs in a child
 * JVM watched from this one. JUnit's {@code @Timeout} cannot do this in-process — its timer is a Java thread, stuck
 * at the same safepoint as everything else — and surefire's fork timeout sends SIGTERM, which a JVM deadlocked at a
 * safepoint ignores (its signal handler thread needs the safepoint too). So on timeout the parent first records
 * where the child's threads are — {@code jcmd Thread.print} (bounded: it needs a safepoint, so it answers only for
 * an ordinary hang), else {@code jhsdb jstack} (reads the stacks with ptrace, answers in a safepoint deadlock too,
 * ~3 s here), and always each task's kernel wait channel and state from /proc (a thread blocked in a userfault
 * shows {@code handle_userfault}) — then kills the child with SIGKILL and waits until it is gone.
 *
 * <p>In kernel's test jar, shared with the agent's tests (kernel's own SafepointFaultTest runs under it too).
 */
public final class ChildJvm {
    /** What the child did: its exit status (-1 after a timeout), its output, and the dump taken on a hang. */
    public record Result(int status, boolean timedOut, String stdout, String stderr, String dump, long pid) {
        public String describe() {
            return (timedOut ? "child JVM " + pid + " hung and was killed; its threads:\n" + dump + "\n"
                    : "child JVM exit " + status + "\n") + "stderr:\n" + stderr;
        }
    }

    private ChildJvm() {
    }

    /** Runs {@code mainClass} from this JVM's class path in a child JVM, killed with SIGKILL after {@code timeoutSeconds}. */
    public static Result run(long timeoutSeconds, Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return run(timeoutSeconds, List.of(), mainClass, args);
    }

    /** The same with extra JVM options for the child (e.g. its host JIT). */
    public static Result run(long timeoutSeconds, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("uffdgc-child");
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        // The export: children that run toyvm from the class path need it for its heap access (HeapAccess).
        List<String> cmd = new ArrayList<>(List.of(java("java"), "--enable-native-access=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx256m"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        // The project's own settings (toyvm.*, uffdgc.*: where the guest classes are, ...) reach the child too.
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("toyvm.") || k.startsWith("uffdgc."))
                .forEach(k -> cmd.add(2, "-D" + k + "=" + System.getProperty(k)));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        // Output goes to files, not pipes: a child writing more than a pipe holds can then never block on us.
        // In its own directory: jcmd leaves an .attach_pid file in the child's working directory.
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        try {
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String dump = done ? "" : dump(p.pid());
            if (!done) {
                kill(p);
            }
            return new Result(done ? p.exitValue() : -1, !done, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), dump, p.pid());
        } finally {
            if (p.isAlive()) { // the parent was interrupted: leave nothing behind
                kill(p);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** SIGKILL (Process.destroyForcibly on Linux), then wait: a killed process is reaped before we return. */
    private static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child JVM " + p.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** Where each thread of {@code pid} is: Java stacks if the VM can still answer, kernel wait channels always. */
    public static String dump(long pid) {
        StringBuilder b = new StringBuilder();
        b.append("-- jcmd ").append(pid).append(" Thread.print (needs a safepoint: no answer in a safepoint deadlock)\n");
        String jcmd = tool(5, "jcmd", Long.toString(pid), "Thread.print");
        b.append(jcmd);
        if (jcmd.startsWith("(")) { // no answer: read the stacks from outside with the serviceability agent (ptrace)
            b.append("-- jhsdb jstack --pid ").append(pid).append('\n');
            b.append(tool(30, "jhsdb", "jstack", "--pid", Long.toString(pid)));
        }
        b.append("-- /proc/").append(pid).append("/task: tid, name, state, kernel wait channel\n");
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> ts = Files.list(tasks)) {
            for (Path t : ts.sorted().toList()) {
                String stat = read(t.resolve("stat"));
                int close = stat.lastIndexOf(')');
                String state = close > 0 && close + 2 < stat.length() ? stat.substring(close + 2, close + 3) : "?";
                b.append(t.getFileName()).append(' ').append(read(t.resolve("comm")).strip()).append(' ')
                        .append(state).append(' ').append(read(t.resolve("wchan")).strip()).append('\n');
            }
        } catch (IOException e) {
            b.append("cannot list ").append(tasks).append(": ").append(e).append('\n');
        }
        return b.toString();
    }

    /** Output of a JDK tool, or a line in parentheses if it did not answer within {@code seconds}. */
    private static String tool(long seconds, String name, String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of(java(name)));
            cmd.addAll(List.of(args));
            Process j = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            // Drained on a thread of its own: the wait below must stay bounded even if jcmd writes a lot.
            var text = new java.util.concurrent.CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try {
                    text.complete(new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    text.complete("jcmd output unreadable: " + e);
                }
            });
            if (!j.waitFor(seconds, TimeUnit.SECONDS)) {
                j.destroyForcibly();
                j.waitFor(5, TimeUnit.SECONDS);
                return "(" + name + " did not answer within " + seconds + " s)\n";
            }
            return text.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "(" + name + " failed: " + e + ")\n";
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "?";
        }
    }

    private static String java(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }
}
