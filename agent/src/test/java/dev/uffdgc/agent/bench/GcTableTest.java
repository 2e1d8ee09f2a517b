package dev.uffdgc.agent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.compact.CycleStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bench gc's tables: the CSV columns issue 11 names, a round trip, and clear failures on a bad file. */
class GcTableTest {
    private static final GcTable.Row MOVE = new GcTable.Row("dense", "move:batch=16+workers=2", 2, 512.25, 3.5, 0,
            8192, 4096, 12288, 7, 31, 12.5);
    private static final GcTable.Row STW = new GcTable.Row("dense", "stw", 2, 256.0, 7.0, 0, 0, 0, 0, 0, -1, 100);

    @Test
    void theColumnsAreTheIssues() {
        assertEquals("workload,mode,threads,compaction_mb_s,cpu_ms_per_live_mb,pmd_bytes,pte_run_bytes,"
                + "single_page_bytes,copied_bytes,ioctls,tlb_shootdowns,stall_pct", GcTable.COLUMNS);
        String csv = GcTable.csv(List.of(MOVE));
        assertEquals(GcTable.COLUMNS + "\ndense,move:batch=16+workers=2,2,512.250,3.500,0,8192,4096,12288,7,31,12.500\n",
                csv);
    }

    @Test
    void roundTrip() {
        assertEquals(List.of(MOVE, STW), GcTable.parse(GcTable.csv(List.of(MOVE, STW))));
    }

    @Test
    void aMissingColumnOrABadNumberIsNamed() {
        String header = GcTable.COLUMNS.replace(",tlb_shootdowns", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GcTable.parse(header + "\n"));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        String shortLine = GcTable.COLUMNS + "\ndense,move,2,512.250,3.500,0,8192,4096,12288,7,12.500\n";
        e = assertThrows(IllegalArgumentException.class, () -> GcTable.parse(shortLine));
        assertTrue(e.getMessage().contains("line 2: 11 columns, expected 12"), e.getMessage());
        String badNumber = GcTable.COLUMNS + "\ndense,move,2,512.250,3.500,0,8K,4096,12288,7,31,12.500\n";
        e = assertThrows(IllegalArgumentException.class, () -> GcTable.parse(badNumber));
        assertTrue(e.getMessage().contains("line 2, column pte_run_bytes: not an integer: '8K'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GcTable.Row("dense", "move:batch=16,workers=2", 1, 0,
                0, 0, 0, 0, 0, 0, 0, 0), "a comma in a mode would shift every later column");
    }

    @Test
    void markdownHasTheSameRunRatios() {
        GcTable.Row copy = new GcTable.Row("dense", "copy", 2, 256.125, 14.0, 0, 0, 0, 4096, 1, 0, 5);
        GcTable.Row move = new GcTable.Row("dense", "move", 2, 512.25, 3.5, 0, 8192, 4096, 0, 7, 31, 12.5);
        GcTable.RunRow run = new GcTable.RunRow("dense", "move", 2, "MOVE 16-63", 3, 48, 1000, 800, 2000);
        String md = GcTable.markdown(List.of(STW, copy, move), List.of(run), "test");
        assertTrue(md.contains("| dense | 2 | 2.00 | 0.50 | 2.00 |"), md); // move/copy MB/s, move/stw, copy/stw CPU
        assertTrue(md.contains("| dense | move | 2 | MOVE 16-63 | 3 | 48 | 1000 | 800 | 0.80 | 2000 | 2.00 |"), md);
    }

    /** The agent's own counters go to the columns they name (a swapped column fails here). */
    @Test
    void agentRowsComeFromTheCycleAccounting() {
        GcBench.Result r = new GcBench.Result("move:batch=16,workers=2");
        r.runs = 2;
        for (int i = 0; i < 2; i++) {
            CycleStats s = new CycleStats();
            s.moveRuns.record(1, 9_000);     // one single page: 9 µs
            s.moveRuns.record(20, 40_000);   // a run of 20 pages: 2 µs/page
            s.pagesMoved.add(21);
            s.pagesCopied.add(3);
            s.ioctls.add(5);
            s.buildNanos.add(1_000_000);      // 24 pages in 1 ms of work: 93.75 MiB/s
            s.planCpuNanos = 1_000_000;
            s.buildMapCpuNanos.add(500_000);
            s.flipCpuNanos = 300_000;
            s.finishCpuNanos = 200_000;       // 2 ms of compaction CPU for 1 MiB compacted
            s.usedAfter = 1 << 20;
            s.tlbShootdowns = 10;
            s.mutatorStallNanos.add(1_000_000);
            s.pauseNanos = 1_000_000;
            s.concurrentNanos = 1_000_000;
            r.cycles.add(s);
        }
        GcTable.Row row = GcRows.row("dense", 2, r);
        assertEquals(new GcTable.Row("dense", "move:batch=16+workers=2", 2, 93.75, 2.0, 0, 20 * 4096, 4096, 3 * 4096,
                5, 10, 25.0), row);
        List<GcTable.RunRow> runs = GcRows.runRows("dense", 2, r, Map.of("move_1", 4500.0, "move_16", 1000.0,
                "move_16_busy", 3000.0));
        assertEquals(List.of(new GcTable.RunRow("dense", "move:batch=16+workers=2", 2, "MOVE 1", 2, 2, 9000, 4500,
                Double.NaN), new GcTable.RunRow("dense", "move:batch=16+workers=2", 2, "MOVE 16-63", 2, 40, 2000, 1000,
                3000)), runs); // ioctls and pages over both rounds
        assertEquals(0.5, runs.get(1).ratio());
        assertEquals(1.5, runs.get(1).ratioBusy());
        assertEquals("move:batch=16,workers=2 cpu ms/MiB 2.00: plan 1.00 flip 0.30 build+map 0.50 finish 0.20",
                GcRows.cpuPhases(r), "each phase per MiB compacted, summing to the row's CPU per MiB");
    }

    /** stw's phases come from its gc,cpu lines, per MiB compacted (a swapped phase fails here). */
    @Test
    void stwPhasesPerMib() {
        GcBench.Result r = new GcBench.Result("stw");
        r.stw.add(new StwPhases(0, 9, 1, 2, 3, 8, 0.5, 1.5, 2.0, 2 << 20));
        r.stw.add(new StwPhases(1, 9, 1, 2, 3, 8, 0.5, 0.5, 1.0, 2 << 20));
        assertEquals("stw cpu ms/MiB 1.50: plan 0.25 update 0.50 slide 0.75", GcRows.cpuPhases(r));
    }
}
