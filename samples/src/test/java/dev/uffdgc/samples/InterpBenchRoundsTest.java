package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * bench interp's spread: each round's net ratio against that round's own empty mains, the rounds' range, and a child's
 * CPU time.
 */
class InterpBenchRoundsTest {
    @Test
    void eachRoundIsNetOfItsOwnStartUp() {
        // Round 2 ran on a busier machine: everything slower, its ratio computed within the round.
        double[] r = InterpBench.Measurements.netRatiosByRound(new double[] {1500, 3000}, new double[] {500, 1000},
                new double[] {400, 900}, new double[] {100, 400});
        assertArrayEquals(new double[] {1000.0 / 300, 2000.0 / 500}, r, 1e-9);
        assertEquals("3.33-4.00", InterpBench.Measurements.range(r));
        assertEquals("n/a", InterpBench.Measurements.range(new double[0]));
    }

    @Test
    void geometricMeansAreTakenRoundByRound() {
        double[] g = InterpBench.Measurements.geomeanByRound(List.of(new double[] {2, 8}, new double[] {8, 2}));
        assertArrayEquals(new double[] {4, 4}, g, 1e-9);
    }

    @Test
    void netRatioIsOfTheMedians() {
        assertEquals(2.0, InterpBench.Measurements.netRatio(new double[] {900, 500, 800}, new double[] {100, 300, 200},
                new double[] {400, 350, 600}, new double[] {50, 100, 150}), 1e-9);
    }

    /** getrusage(RUSAGE_CHILDREN) has counted the child once its process has been waited for. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChildsCpuTimeIsMeasured() throws Exception {
        InterpBench.Timed idle = InterpBench.timed(List.of("sleep", "0.3"));
        String spin = "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done"; // ~0.2 s of CPU
        InterpBench.Timed busy = InterpBench.timed(List.of("sh", "-c", spin));
        assertEquals(0, busy.result().exitCode());
        assertTrue(idle.millis() >= 300 && idle.cpuMillis() < 100, idle.toString());
        assertTrue(busy.cpuMillis() >= 50 && busy.cpuMillis() <= busy.millis() + 20, busy.toString());
    }
}
