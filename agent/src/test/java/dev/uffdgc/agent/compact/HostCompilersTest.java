package dev.uffdgc.agent.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.Scheduler;
import dev.uffdgc.kernel.uapi.Sched;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The host JVM's compiler threads end up in SCHED_BATCH (so a compile request made inside a pause does not hand the
 * pausing thread's CPU to the compiler thread, see HostCompilers), and nothing is noted. Red without the
 * sched_setscheduler call (every compiler thread stays SCHED_NORMAL, 0). The policy is set back afterwards.
 */
class HostCompilersTest {
    @Test
    void compilerThreadsAreBatch() throws IOException {
        List<String> notes = new ArrayList<>();
        int n = HostCompilers.batch(notes::add);
        List<Integer> compilers = compilerThreads();
        try {
            assertTrue(notes.isEmpty(), () -> "noted: " + notes);
            assertTrue(!compilers.isEmpty() && n >= compilers.size(), n + " set, compiler threads " + compilers);
            for (int tid : compilers) {
                assertEquals(Sched.SCHED_BATCH, Scheduler.getscheduler(tid), "compiler thread " + tid + "'s policy");
            }
        } finally {
            for (int tid : compilers) {
                Scheduler.setscheduler(tid, Sched.SCHED_NORMAL);
            }
        }
    }

    private static List<Integer> compilerThreads() throws IOException {
        List<Integer> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String comm = Files.readString(t.resolve("comm")).strip();
                if (comm.matches("C[12] CompilerThre.*")) {
                    tids.add(Integer.parseInt(t.getFileName().toString()));
                }
            }
        }
        return tids;
    }
}
