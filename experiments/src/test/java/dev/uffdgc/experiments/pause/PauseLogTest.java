package dev.uffdgc.experiments.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's log parsing and statistics, on lines as HotSpot 25 and toyvm print them. */
class PauseLogTest {
    @Test
    void readsHotSpotAndToyvmSafepointLinesAndCountsCycles(@TempDir Path dir) throws Exception {
        Path sp = dir.resolve("sp.log");
        Files.write(sp, List.of(
                // HotSpot 25 (ZGC), with the Leaving safepoint and Threads fields toyvm does not print
                "[0.092s][info][safepoint] Safepoint \"ZMarkStartYoungAndOld\", Time since last: 27121783 ns,"
                        + " Reaching safepoint: 90074 ns, At safepoint: 36264 ns, Leaving safepoint: 13671 ns,"
                        + " Total: 140009 ns, Threads: 1 runnable, 10 total",
                "[1.500s][info][safepoint] Safepoint \"Collect\", Time since last: 5 ns, Reaching safepoint: 2000 ns,"
                        + " At safepoint: 3000000 ns, Total: 3002000 ns",
                "[1.600s][info][gc] GC(0) Pause Full (Allocation Failure) 31M->7M(32M) 28.804ms"));
        Path gc = dir.resolve("gc.log");
        Files.write(gc, List.of(
                "[0.092s][info][gc,phases] GC(0) Y: Pause Mark Start (Major) 0.013ms",
                "[0.093s][info][gc,phases] GC(0) Y: Pause Mark End 0.008ms",
                "[0.200s][info][gc] GC(1) Pause Init Mark (Allocation Failure) 1.250ms",
                "[4.313s][info][gc,heap,exit] Allocated 253184K, 9 pauses, total pause 378.622ms, used 32251K"));
        PauseLog log = PauseLog.read(sp, gc);
        assertEquals(2, log.pauses().size(), "two safepoint lines; the gc line in the safepoint file is not one");
        assertEquals(new PauseLog.Pause(0.092, 140009, 90074, "ZMarkStartYoungAndOld"), log.pauses().get(0));
        assertEquals(new PauseLog.Pause(1.5, 3002000, 2000, "Collect"), log.pauses().get(1));
        assertEquals(2, log.cycles(), "GC(0) and GC(1); the exit summary names no cycle");
    }

    @Test
    void missingLogsMeanNoPauses(@TempDir Path dir) {
        PauseLog log = PauseLog.read(dir.resolve("none"), dir.resolve("none either"));
        assertEquals(0, log.pauses().size());
        assertEquals(0, log.cycles());
        assertEquals(Double.NaN, PauseStats.of(log.pauses()).p99());
    }

    @Test
    void percentilesAreNearestRank() {
        List<PauseLog.Pause> ps = new java.util.ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            ps.add(new PauseLog.Pause(i, i * 1_000_000L, i * 1000L, "x"));
        }
        PauseStats s = PauseStats.of(ps);
        assertEquals(200, s.count());
        assertEquals(100.0, s.p50());
        assertEquals(198.0, s.p99());
        assertEquals(200.0, s.max());
        assertEquals(0.198, s.ttspP99(), 1e-9);
        assertEquals(197.802, s.ownP99(), 1e-9);
        assertEquals(20100.0, s.total());
    }

    /**
     * The collector's own part is taken pause by pause: here the two longest pauses are nearly all time to
     * safepoint, so p99(pause) - p99(ttsp) would say 0.5 ms where 98 of 100 pauses spent 1.9 ms in the collector.
     */
    @Test
    void ownPartIsEachPauseLessItsTimeToSafepoint() {
        List<PauseLog.Pause> ps = new java.util.ArrayList<>();
        for (int i = 1; i <= 98; i++) {
            ps.add(new PauseLog.Pause(i, 2_000_000L, 100_000L, "x")); // 2 ms, 0.1 ms of it ttsp: own 1.9
        }
        ps.add(new PauseLog.Pause(99, 50_000_000L, 49_500_000L, "x")); // 50 ms, 49.5 of it ttsp: own 0.5
        ps.add(new PauseLog.Pause(100, 50_000_000L, 49_500_000L, "x"));
        PauseStats s = PauseStats.of(ps);
        assertEquals(50.0, s.p99());
        assertEquals(49.5, s.ttspP99(), 1e-9);
        assertEquals(1.9, s.ownP99(), 1e-9);
    }

    @Test
    void optionsRejectWhatTheyCannotRun() {
        String[] paths = {"--toyvm-jar", "t.jar", "--agent-jar", "a.jar", "--samples", "s"};
        assertThrows(IllegalArgumentException.class, () -> PauseOptions.parse(concat(paths, "--modes", "move,zgc")));
        assertThrows(IllegalArgumentException.class, () -> PauseOptions.parse(concat(paths, "--live", "0")));
        assertThrows(IllegalArgumentException.class, () -> PauseOptions.parse(concat(paths, "--threads")));
        assertThrows(IllegalArgumentException.class, () -> PauseOptions.parse(new String[] {"--live", "8"}));
        assertThrows(IllegalArgumentException.class, () -> PauseOptions.parse(concat(paths, "--heaps", "1t")));
        PauseOptions o = PauseOptions.parse(concat(paths, "--live", "8,512", "--modes", "move,hotspot-zgc"));
        assertEquals(List.of(8, 512), o.live);
        assertEquals(List.of("move", "hotspot-zgc"), o.modes);
        assertThrows(IllegalArgumentException.class, () -> PauseOptions.parse(concat(paths, "--modes", "stw:markers=1")));
        PauseOptions settings = PauseOptions.parse(concat(paths, "--modes", "stw,move:markers=1+workers=2"));
        assertTrue(String.join(" ", PauseRun.command(settings, "move:markers=1+workers=2", new PauseRun.Workload(8, 32, 1, 1),
                Path.of("gc.log"), Path.of("sp.log"))).contains("=mode=move,markers=1,workers=2 "), "agent options");
        assertEquals(List.of(2048), o.heapsFor(512), "4x live by default");
        assertEquals(2048, PauseRun.Workload.heap(2048), "under toyvm's limit");
        assertEquals(32767, PauseRun.Workload.heap(32768), "capped at toyvm's limit");
        // ~34 cycles of about heap - live freed each: churn x live / (heap - live) >= 34.
        assertEquals(102, o.churnFor(8, 32));
        assertEquals(102, o.churnFor(512, 2047), "34 x 1535 / 512 = 101.9");
        PauseOptions sweep = PauseOptions.parse(concat(paths, "--heaps", "256m,1g,2G", "--churn", "30"));
        assertEquals(List.of(256, 1024, 2048), sweep.heapsFor(8));
        assertEquals(30, sweep.churnFor(8, 1024), "--churn wins over --cycles");
        PauseRun.Result skipped = PauseRun.run(o, "move", new PauseRun.Workload(512, 1000, 1, 1), Path.of("unused"));
        assertEquals(true, skipped.status().startsWith("skipped: a 1000 MiB heap is under twice the live set"),
                skipped.status());
        assertEquals("live8m-heap32m-2t", new PauseRun.Workload(8, 32, 2, 1).name());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
