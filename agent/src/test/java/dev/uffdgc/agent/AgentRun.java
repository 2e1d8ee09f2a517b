package dev.uffdgc.agent;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.toolkit.UffdOps;
import dev.uffdgc.agent.obs.Listeners;
import dev.uffdgc.agent.obs.Totals;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.VmOptions;
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

/** Runs a guest on toyvm in this JVM with the agent's collector installed directly (no instrumentation). */
record AgentRun(String stdout, String stderr, int status, UffdCollector collector, Totals totals) {
    static Path guestClasses() {
        return Path.of(System.getProperty("toyvm.guestClasses", "../toyvm/target/guest-classes"));
    }

    static VmOptions vmOptions(String heap) {
        VmOptions o = new VmOptions();
        o.classPath = guestClasses().toString();
        o.heapBytes = VmOptions.parseSize(heap);
        return o;
    }

    static AgentRun run(VmOptions vmOptions, String agentOptions, String mainClass, String... args) {
        return run(vmOptions, AgentOptions.parse(agentOptions), UffdCollector.REAL, null, CompactorListener.NONE,
                mainClass, args);
    }

    static AgentRun run(VmOptions vmOptions, AgentOptions options, UffdCollector.UffdSource source, UffdOps ops,
            CompactorListener extra, String mainClass, String... args) {
        return runWith(vmOptions, options, source, ops == null ? null : (u, b) -> ops, extra, mainClass, args);
    }

    static AgentRun runWith(VmOptions vmOptions, AgentOptions options, UffdCollector.UffdSource source,
            UffdCollector.OpsFactory ops, CompactorListener extra, String mainClass, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Vm vm = new Vm(vmOptions, o, e);
        Totals totals = new Totals();
        UffdCollector c = new UffdCollector(vm.binding, options, Listeners.of(totals, extra), source, ops);
        vm.binding.installCollector(c);
        int status;
        try {
            status = vm.runMain(mainClass, args);
            c.quiesce();
        } finally {
            c.shutdown();
        }
        o.flush();
        if (c.compactor() != null && c.compactor().failures().count() > 0) {
            throw new AssertionError(c.compactor().failures().count() + " failure(s) on the compactor's background"
                    + " threads; stderr:\n" + err.toString(StandardCharsets.UTF_8), c.compactor().failures().first());
        }
        return new AgentRun(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status, c,
                totals);
    }

    record Expected(String stdout, int status) {
    }

    /** The same program on HotSpot (-Xint, a child JVM): the expected output and exit status. */
    static Expected hotspot(String mainClass, String... args) {
        return hotspot(guestClasses(), 120, mainClass, args);
    }

    /**
     * Runs {@code mainClass} on HotSpot; past {@code timeoutSeconds} the child is killed and this fails. stdout and
     * stderr are drained concurrently, so a child that fills one pipe while we read the other cannot stall us.
     */
    static Expected hotspot(Path classPath, long timeoutSeconds, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xint", "-cp", classPath.toString(), mainClass));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException ex) {
            throw new IllegalStateException("cannot run " + cmd, ex);
        }
        try {
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("HotSpot run of " + mainClass + " timed out after " + timeoutSeconds
                        + " s and was killed");
            }
            byte[] o = out.get(30, TimeUnit.SECONDS);
            err.get(30, TimeUnit.SECONDS);
            return new Expected(new String(o, StandardCharsets.UTF_8), p.exitValue());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("cannot read the output of " + cmd, ex);
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
}
