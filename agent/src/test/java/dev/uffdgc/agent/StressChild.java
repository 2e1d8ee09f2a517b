package dev.uffdgc.agent;

import dev.uffdgc.kernel.testing.ChildJvm;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The body of a SafepointStressTest case, run in a child JVM under {@link ChildJvm}'s watchdog: a guest under the
 * agent's compactor while a host thread forces a HotSpot safepoint (System.gc()) every millisecond. Prints the
 * guest's stdout, then one {@code STATS} line on stderr for the parent to check.
 *
 * <p>Arguments: heap, gc-stress bytes (0: none), agent options, main class, guest arguments.
 */
final class StressChild {
    private StressChild() {
    }

    public static void main(String[] args) throws Exception {
        var vm = AgentRun.vmOptions(args[0]);
        vm.gcStressBytes = Integer.parseInt(args[1]);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong gcs = new AtomicLong();
        Thread forcer = Thread.ofPlatform().daemon().name("safepoint-forcer").start(() -> {
            while (!stop.get()) {
                System.gc();
                gcs.incrementAndGet();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        AgentRun run;
        try {
            run = AgentRun.run(vm, args[2], args[3], Arrays.copyOfRange(args, 4, args.length));
        } finally {
            stop.set(true);
            forcer.join(30_000);
        }
        System.out.print(run.stdout());
        System.out.flush();
        System.err.print(run.stderr());
        var t = run.totals();
        System.err.printf("STATS status=%d cycles=%d mutatorStalls=%d faults=%d builtByMutator=%d objects=%d gcs=%d"
                + " emergency=%d%n", run.status(), t.cycles().size(), t.sum(s -> s.mutatorStalls.sum()),
                t.sum(s -> s.faults.sum()), t.sum(s -> s.pagesBuiltByMutator.sum()), t.sum(s -> s.liveObjects),
                gcs.get(), t.sum(s -> s.emergency ? 1 : 0));
        System.exit(0);
    }
}
