package dev.uffdgc.agent;

import dev.uffdgc.kernel.testing.ChildJvm;
import dev.uffdgc.kernel.testing.SafepointForcer;
import java.util.Arrays;

/**
 * The body of a SafepointStressTest case, run in a child JVM under {@link ChildJvm}'s watchdog: a guest under the
 * agent's compactor while a host thread forces a HotSpot safepoint every millisecond (SafepointForcer). Prints the
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
        AgentRun run;
        long safepoints;
        long fullGcs;
        try (SafepointForcer forcer = SafepointForcer.start()) {
            run = AgentRun.run(vm, args[2], args[3], Arrays.copyOfRange(args, 4, args.length));
            safepoints = forcer.safepoints();
            fullGcs = forcer.fullGcs();
        }
        System.out.print(run.stdout());
        System.out.flush();
        System.err.print(run.stderr());
        var t = run.totals();
        System.err.printf("STATS status=%d cycles=%d mutatorStalls=%d faults=%d builtByMutator=%d objects=%d safepoints=%d"
                + " fullGcs=%d emergency=%d satb=%d%n", run.status(), t.cycles().size(), t.sum(s -> s.mutatorStalls.sum()),
                t.sum(s -> s.faults.sum()), t.sum(s -> s.pagesBuiltByMutator.sum()), t.sum(s -> s.liveObjects),
                safepoints, fullGcs, t.sum(s -> s.emergency ? 1 : 0), t.sum(s -> s.satbEntries));
        System.exit(0);
    }
}
