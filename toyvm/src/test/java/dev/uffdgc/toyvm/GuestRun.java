package dev.uffdgc.toyvm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a guest class on HotSpot (a child JVM) or on toyvm (in process) and captures what it printed. */
public record GuestRun(String stdout, String stderr, int status, int collections) {
    /** The guest test programs compiled by the build (src/test/guest). */
    public static Path guestClasses() {
        return Path.of(System.getProperty("toyvm.guestClasses", "target/guest-classes"));
    }

    public static GuestRun hotspot(Path classPath, String mainClass, String... args) {
        return hotspot(List.of(), classPath, mainClass, args);
    }

    public static GuestRun hotspot(List<String> jvmArgs, Path classPath, String mainClass, String... args) {
        return hotspot(120, jvmArgs, classPath, mainClass, args);
    }

    /**
     * The program on HotSpot; past {@code timeoutSeconds} the child is killed and this throws. stdout and stderr
     * are drained concurrently: reading one to the end first would stall on a child that fills the other pipe.
     */
    public static GuestRun hotspot(long timeoutSeconds, List<String> jvmArgs, Path classPath, String mainClass,
            String... args) {
        return hotspot(timeoutSeconds, jvmArgs, classPath, null, mainClass, args);
    }

    /** As above with stdin read from a file ({@code stdin} null: an open pipe nobody writes, as before). */
    public static GuestRun hotspot(long timeoutSeconds, List<String> jvmArgs, Path classPath, Path stdin,
            String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xint");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath.toString());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (stdin != null) {
                pb.redirectInput(stdin.toFile());
            }
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e, e);
        }
        try {
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("HotSpot run of " + mainClass + " timed out after " + timeoutSeconds
                        + " s and was killed");
            }
            return new GuestRun(new String(out.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8),
                    new String(err.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8), p.exitValue(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + cmd + ": " + e, e);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofVirtual().start(r));
    }

    public static GuestRun toyvm(VmOptions options, String mainClass, String... args) {
        return toyvm(options, vm -> { }, mainClass, args);
    }

    /** Runs on toyvm with stdin read from a file (null: empty). */
    public static GuestRun toyvm(VmOptions options, Path stdin, String mainClass, String... args) {
        return toyvm(options, stdin, vm -> { }, mainClass, args);
    }

    /** Runs on toyvm and then hands the finished Vm to {@code after} (to inspect its counters). */
    public static GuestRun toyvm(VmOptions options, java.util.function.Consumer<Vm> after, String mainClass, String... args) {
        return toyvm(options, null, after, mainClass, args);
    }

    private static GuestRun toyvm(VmOptions options, Path stdin, java.util.function.Consumer<Vm> after, String mainClass,
            String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Vm vm = new Vm(options, o, e);
        InputStream in;
        try {
            // never the test JVM's stdin (surefire talks to it)
            in = stdin == null ? InputStream.nullInputStream() : new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(stdin));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        vm.in = in;
        int status;
        try (in) {
            status = vm.runMain(mainClass, args);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        o.flush();
        after.accept(vm);
        return new GuestRun(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status,
                vm.collector().collections());
    }

    public static VmOptions options(Path classPath, String heap) {
        VmOptions o = new VmOptions();
        o.classPath = classPath.toString();
        if (heap != null) {
            o.heapBytes = dev.uffdgc.toyvm.VmOptions.parseSize(heap);
        }
        return o;
    }

    /** The first line of stderr (the uncaught exception line), or "". */
    public String firstErrorLine() {
        int nl = stderr.indexOf('\n');
        return nl < 0 ? stderr : stderr.substring(0, nl);
    }
}
