package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The gc-log reader the differential test, the GCViewer test and the bench rely on. */
class GcLogSummaryTest {
    @Test
    void readsPauseLinesAndIgnoresTheRest() {
        GcLogSummary s = GcLogSummary.parse("""
                [0.010s][info][gc] Using toyvm mark-compact
                [0.515s][info][gc] GC(0) Pause Full (Allocation Failure) 24M->3M(256M) 2.345ms
                [0.600s][info][gc,heap] GC(1) some detail 5M
                [0.700s][info][gc] GC(1) Pause Full (System.gc()) 3072K->1G(2G) 0.125ms
                """);
        assertEquals(List.of(
                new GcLogSummary.Pause(0, "Pause Full (Allocation Failure)", 24L << 20, 3L << 20, 256L << 20, 2.345),
                new GcLogSummary.Pause(1, "Pause Full (System.gc())", 3L << 20, 1L << 30, 2L << 30, 0.125)), s.pauses());
        assertEquals(2, s.count());
        assertEquals(2.47, s.totalPauseMillis(), 1e-9);
    }

    @Test
    void anEmptyLogHasNoPauses() {
        assertEquals(0, GcLogSummary.parse("").count());
    }
}
