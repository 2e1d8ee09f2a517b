package dev.uffdgc.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.bench.GcTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench gc's plots from a gc.csv's rows (no bench run: the rows are given). */
class GcBenchReportTest {
    private static GcTable.Row row(String mode, int threads, double mbs) {
        return new GcTable.Row("dense", mode, threads, mbs, 3, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void throughputAndBatchPlotsArePngs(@TempDir Path dir) throws Exception {
        List<GcTable.Row> rows = List.of(row("stw", 1, 200), row("copy", 1, 300), row("move", 1, 500),
                row("move:batch=16", 1, 250), row("move:batch=16+workers=2", 1, 260), row("move", 2, 400));
        List<String> wrote = GcBenchReport.plot(dir, rows);
        assertEquals(3, wrote.size(), wrote.toString());
        for (String f : List.of("gc-throughput.png", "gc-cpu.png", "gc-batch.png")) {
            byte[] png = Files.readAllBytes(dir.resolve(f));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', f);
        }
        // Only "dense, 1 thread" has two batch sizes (16 and move's default 512); workers=2 is not a batch point.
        assertEquals(List.of("dense, 1 thread"), List.copyOf(GcBenchReport.batchChart(rows).getSeriesMap().keySet()));
    }

    @Test
    void noBatchPlotWithOneBatchSize() {
        assertNull(GcBenchReport.batchChart(List.of(row("stw", 1, 200), row("move", 1, 500))));
        assertEquals(512, GcBenchReport.batchOf("move"));
        assertEquals(16, GcBenchReport.batchOf("move:batch=16"));
        assertEquals(0, GcBenchReport.batchOf("move:batch=16+workers=2"));
        assertEquals(0, GcBenchReport.batchOf("copy"));
    }
}
