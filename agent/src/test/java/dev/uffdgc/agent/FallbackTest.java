package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.obs.Totals;
import dev.uffdgc.kernel.Errno;
import dev.uffdgc.kernel.KernelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kernels without UFFDIO_MOVE or without userfaultfd: the agent falls back and says why, in one line. */
class FallbackTest {
    @Test
    @Timeout(120)
    void withoutMoveTheCopyBackendRuns() {
        AgentRun.Expected expected = AgentRun.hotspot("Allocation");
        Totals notes = new Totals();
        AgentRun run = AgentRun.run(AgentRun.vmOptions("1m"), AgentOptions.parse("mode=move,verify=true"),
                wantMove -> new UffdCollector.Opened(UffdCollector.REAL.open(false).uffd(), false), null, notes,
                "Allocation");
        assertEquals(expected.stdout(), run.stdout(), "stderr:\n" + run.stderr());
        assertEquals(expected.status(), run.status(), "stderr:\n" + run.stderr());
        assertEquals("copy", run.collector().backend());
        assertEquals(1, notes.notes().size(), notes.notes().toString());
        assertTrue(notes.notes().get(0).contains("UFFDIO_MOVE is not available"), notes.notes().get(0));
        assertTrue(run.totals().sum(s -> s.pagesCopied.sum()) > 0);
        assertEquals(0, run.totals().sum(s -> s.pagesMoved.sum()));
    }

    @Test
    @Timeout(120)
    void withoutUserfaultfdTheBuiltInCollectorRuns() {
        AgentRun.Expected expected = AgentRun.hotspot("Allocation");
        Totals notes = new Totals();
        AgentRun run = AgentRun.run(AgentRun.vmOptions("1m"), AgentOptions.parse("mode=move"), wantMove -> {
            throw new KernelException("userfaultfd", Errno.ENOSYS.number(), "simulated kernel without userfaultfd");
        }, null, notes, "Allocation");
        assertEquals(expected.stdout(), run.stdout(), "stderr:\n" + run.stderr());
        assertEquals(expected.status(), run.status(), "stderr:\n" + run.stderr());
        assertEquals("stw", run.collector().backend());
        assertEquals(1, notes.notes().size(), notes.notes().toString());
        assertTrue(notes.notes().get(0).contains("userfaultfd is not available"), notes.notes().get(0));
        assertTrue(run.collector().collections() >= 3);
        assertTrue(run.totals().cycles().isEmpty());
    }

    @Test
    @Timeout(120)
    void modeStwLeavesTheBuiltInCollectorInCharge() {
        AgentRun.Expected expected = AgentRun.hotspot("Allocation");
        AgentRun run = AgentRun.run(AgentRun.vmOptions("1m"), AgentOptions.parse("mode=stw"), UffdCollector.REAL,
                null, CompactorListener.NONE, "Allocation");
        assertEquals(expected.stdout(), run.stdout(), "stderr:\n" + run.stderr());
        assertEquals(expected.status(), run.status(), "stderr:\n" + run.stderr());
        assertEquals("stw", run.collector().backend());
        assertTrue(run.collector().collections() >= 3);
        assertTrue(run.totals().cycles().isEmpty());
    }
}
