package dev.uffdgc.agent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny {@code bench gc --out} (dense heap of 10,000 nodes in 4 MiB, one round, 1 and 2 guest threads, no C floor:
 * ~5 s): the files are there and parse, and each row carries what its mode measured. Not a timed test: no figure
 * is compared with a bound, only the accounting's presence and identities.
 */
class GcBenchSmokeTest {
    @Test
    @Timeout(90)
    void writesTheTablesWithWhatEachModeMeasured(@TempDir Path dir) throws Exception {
        GcBench.Report report = GcBench.run(new String[] {"--rounds", "1", "--warmup", "0", "--threads", "1,2", "--dense-live", "10000",
                "--dense-heap", "4m", "--modes", "stw;copy;move", "--batches", "16", "--out", dir.toString()});
        String csv = Files.readString(dir.resolve("gc.csv"));
        assertEquals(GcTable.csv(report.rows()), csv);
        List<GcTable.Row> rows = GcTable.parse(csv);
        assertEquals(8, rows.size(), "dense x {1, 2} threads x {stw, copy, move, move:batch=16}");
        for (GcTable.Row r : rows) {
            String what = r.toString();
            assertTrue(r.compactionMbS() > 0 && r.cpuMsPerLiveMb() > 0, what);
            if (!r.mode().equals("move")) { // batch=16: no run reaches 2 MiB; stw and copy move nothing
                assertEquals(0, r.pmdBytes(), "only MOVE runs of 2 MiB can move whole PMDs: " + what);
            }
            switch (r.mode()) {
                case "stw" -> assertEquals(0, r.ioctls() + r.pteRunBytes() + r.singlePageBytes() + r.copiedBytes(), what);
                case "copy" -> assertTrue(r.copiedBytes() > 0 && r.pteRunBytes() + r.singlePageBytes() == 0, what);
                default -> assertTrue(r.pmdBytes() + r.pteRunBytes() + r.singlePageBytes() > 0 && r.ioctls() > 0, what);
            }
        }
        // Every mapped page is in one run-length bucket: per agent row the buckets add up to the bytes mapped.
        for (GcTable.Row r : rows) {
            long pages = report.runs().stream().filter(u -> u.mode().equals(r.mode()) && u.threads() == r.threads())
                    .mapToLong(GcTable.RunRow::pages).sum();
            assertEquals((r.pteRunBytes() + r.singlePageBytes() + r.copiedBytes()) / 4096, pages, r.toString());
        }
        assertTrue(report.runs().stream().anyMatch(u -> u.mode().equals("move:batch=16") && u.bucket().equals("MOVE 16-63")),
                "batch=16 issued runs of 16: " + report.runs());
        assertTrue(report.runs().stream().noneMatch(u -> u.mode().equals("move:batch=16") && u.bucket().equals("MOVE 64-511")),
                "batch=16 issued no run over 16");
        String md = Files.readString(dir.resolve("gc.md"));
        assertTrue(md.contains("## Same-run ratios") && md.contains("## Agent vs C floor"), md);
        assertTrue(Files.readString(dir.resolve("gc-runs.csv")).startsWith(GcTable.RUN_COLUMNS + "\n"));
    }

    @Test
    void badArgumentsAreNamed() {
        GcBench.BadArgs e = assertThrows(GcBench.BadArgs.class, () -> GcBench.run(new String[] {"--threads", "0"}));
        assertEquals("--threads takes positive integers, got '0'", e.getMessage());
        e = assertThrows(GcBench.BadArgs.class, () -> GcBench.run(new String[] {"--modes", "zgc"}));
        assertTrue(e.getMessage().startsWith("unknown mode zgc"), e.getMessage());
        e = assertThrows(GcBench.BadArgs.class, () -> GcBench.run(new String[] {"--live", "8"}));
        assertEquals("unknown option --live", e.getMessage()); // was ignored, and the run went on with defaults
    }

    @Test
    void helpNamesEveryOption() {
        assertTrue(GcBench.wantsHelp(new String[] {"--rounds", "2", "--help"}));
        assertFalse(GcBench.wantsHelp(new String[] {"--rounds", "2"}));
        for (String option : GcBench.OPTIONS) {
            if (!option.equals("c-source") && !option.equals("samples")) { // set by ./uffd-gc, not by users
                assertTrue(GcBench.HELP.contains("--" + option + " "), "--help does not name --" + option);
            }
        }
    }
}
