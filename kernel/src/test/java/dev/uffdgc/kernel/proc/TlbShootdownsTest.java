package dev.uffdgc.kernel.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TlbShootdownsTest {
    @Test
    void sumsTheTlbLineOverCpusAndStopsAtItsDescription() {
        String text = "            CPU0       CPU1\n"
                + "  0:         38          0   IO-APIC   2-edge      timer\n"
                + " CAL:     412345     398765   Function call interrupts\n"
                + " TLB:    1514497    1335240   TLB shootdowns\n"
                + " TRM:          0          0   Thermal event interrupts\n";
        assertEquals(1514497L + 1335240L, TlbShootdowns.parseInterrupts(text));
        assertEquals(TlbShootdowns.UNKNOWN, TlbShootdowns.parseInterrupts(" CAL: 1 2 Function call interrupts\n"));
    }

    @Test
    void deltaIsUnknownWhenEitherReadingIs() {
        assertEquals(5, TlbShootdowns.delta(10, 15));
        assertEquals(TlbShootdowns.UNKNOWN, TlbShootdowns.delta(TlbShootdowns.UNKNOWN, 15));
        assertEquals(TlbShootdowns.UNKNOWN, TlbShootdowns.delta(10, TlbShootdowns.UNKNOWN));
    }

    @Test
    void theLiveCountNeverFalls() {
        long a = TlbShootdowns.read();
        assumeTrue(a != TlbShootdowns.UNKNOWN, "this kernel counts TLB shootdowns in neither /proc/interrupts nor /proc/vmstat");
        long b = TlbShootdowns.read();
        assertTrue(a >= 0 && b >= a, a + " then " + b);
    }
}
