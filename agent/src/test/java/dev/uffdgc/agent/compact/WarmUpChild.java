package dev.uffdgc.agent.compact;

import dev.uffdgc.agent.AgentOptions;
import dev.uffdgc.agent.UffdCollector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingStream;

/**
 * WarmUpTest's child, a fresh JVM (so no earlier test has compiled anything): runs the agent's warm-up, then waits
 * up to 20 s for the host JIT to compile the Init Mark snapshot's root visitor ({@code Marker.copyRoot}), as seen by
 * JFR's jdk.Compilation events. Prints "compiled at level N" or "not compiled"; exit 3 if userfaultfd is missing.
 */
final class WarmUpChild {
    private WarmUpChild() {
    }

    public static void main(String[] args) throws Exception {
        UffdCollector.Opened u;
        try {
            u = UffdCollector.REAL.open(true);
        } catch (RuntimeException e) {
            System.out.println("no userfaultfd: " + e.getMessage());
            System.exit(3);
            return;
        }
        CompletableFuture<Integer> compiled = new CompletableFuture<>();
        try (RecordingStream rs = new RecordingStream()) {
            rs.enable("jdk.Compilation").withoutThreshold();
            rs.onEvent("jdk.Compilation", e -> {
                RecordedMethod m = e.getValue("method");
                if (m.getType().getName().equals(Marker.class.getName()) && m.getName().equals("copyRoot")) {
                    compiled.complete((int) e.getShort("compileLevel"));
                }
            });
            rs.startAsync();
            WarmUp.run(u.uffd(), u.move(), AgentOptions.parse("mode=move"));
            try {
                System.out.println("compiled at level " + compiled.get(20, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                System.out.println("not compiled");
            }
        }
    }
}
