package dev.uffdgc.agent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser of MarkCompact's gc,cpu line (bench gc's stw side). */
class StwPhasesTest {
    @Test
    void parsesThePhaseLinesAndNothingElse() {
        List<StwPhases> p = StwPhases.parse(List.of(
                "[0.515s][info][gc] GC(0) Pause Full (System.gc()) 24M->3M(48M) 2.345ms",
                "[0.515s][info][gc,cpu] GC(0) Phases mark 1.234ms plan 0.100ms update 0.500ms slide 0.800ms;"
                        + " cpu mark 1.200ms plan 0.090ms update 0.490ms slide 0.790ms; compacted 3072K",
                "[0.600s][info][gc,heap,exit] Allocated 100K, 1 pauses, total pause 2.345ms, used 3072K"));
        assertEquals(List.of(new StwPhases(0, 1.234, 0.1, 0.5, 0.8, 1.2, 0.09, 0.49, 0.79, 3072L << 10)), p);
        assertEquals(1.4, p.getFirst().compactMs(), 1e-9);
        assertEquals(1.37, p.getFirst().compactCpuMs(), 1e-9);
    }

    @Test
    void aPhaseLineOfAnotherShapeFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StwPhases.parse(List.of(
                "[0.515s][info][gc,cpu] GC(0) Phases mark 1.234ms plan 0.100ms update 0.500ms; cpu mark 1.2ms")));
        assertEquals("not a MarkCompact phase line: [0.515s][info][gc,cpu] GC(0) Phases mark 1.234ms plan 0.100ms"
                + " update 0.500ms; cpu mark 1.2ms", e.getMessage());
    }
}
