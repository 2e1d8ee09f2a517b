package dev.uffdgc.agent;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.toolkit.UffdOps;
import dev.uffdgc.agent.obs.Listeners;
import dev.uffdgc.agent.obs.Totals;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.VmOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        return new AgentRun(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status, c,
                totals);
    }

    record Expected(String stdout, int status) {
    }

    /** The same program on HotSpot (-Xint, a child JVM): the expected output and exit status. */
    static Expected hotspot(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xint", "-cp", guestClasses().toString(), mainClass));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("HotSpot run of " + mainClass + " timed out");
            }
            return new Expected(s, p.exitValue());
        } catch (IOException ex) {
            throw new IllegalStateException("cannot run " + cmd, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
