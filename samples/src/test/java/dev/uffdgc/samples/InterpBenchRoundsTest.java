package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** bench interp's spread: each round's net ratio against that round's own empty mains, and the rounds' range. */
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
}
