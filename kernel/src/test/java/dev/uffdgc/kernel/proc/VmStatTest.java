package dev.uffdgc.kernel.proc;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.*;

import dev.uffdgc.kernel.Memory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class VmStatTest {

    @Test
    void parsesCountersByName() {
        VmStat s = VmStat.parse("nr_free_pages 945103\npswpin 12\npswpout 34\npgmajfault 412\n");
        assertEquals(945103, s.get("nr_free_pages"));
        assertEquals(12, s.pswpin());
        assertEquals(34, s.pswpout());
        assertEquals(412, s.pgmajfault());
        assertFalse(s.has("pgfault"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::pgfault);
        assertTrue(e.getMessage().contains("'pgfault'"), e.getMessage());
    }

    @Test
    void deltaSubtractsCounterByCounter() {
        VmStat before = VmStat.parse("pswpin 10\npswpout 20\nnr_free_pages 100\nonly_before 1\n");
        VmStat after = VmStat.parse("pswpin 15\npswpout 20\nnr_free_pages 90\nonly_after 2\n");
        VmStat d = after.minus(before);
        assertEquals(5, d.pswpin());
        assertEquals(0, d.pswpout());
        assertEquals(-10, d.get("nr_free_pages"));
        assertFalse(d.has("only_before"));
        assertFalse(d.has("only_after"));
    }

    @Test
    void theLiveFileHasTheSwapAndFaultCountersAndPgfaultGrowsWithTouches() {
        VmStat before = VmStat.snapshot();
        for (String name : new String[] {"pswpin", "pswpout", "pgmajfault", "pgfault", "nr_free_pages"}) {
            assertTrue(before.has(name), name);
            assertTrue(before.get(name) >= 0, name);
        }
        long pages = (64L << 20) / PAGE_SIZE;
        MemorySegment m = Memory.mmapAnonymous(pages * PAGE_SIZE);
        try {
            for (long i = 0; i < pages; i++) {
                m.set(ValueLayout.JAVA_BYTE, i * PAGE_SIZE, (byte) 1);
            }
            VmStat delta = VmStat.snapshot().minus(before);
            // Machine-wide and only growing: other processes can only add to it.
            assertTrue(delta.pgfault() >= pages, "pgfault grew by " + delta.pgfault() + " for " + pages + " touches");
            assertTrue(delta.pswpin() >= 0 && delta.pgmajfault() >= 0, delta.toString());
        } finally {
            Memory.munmap(m);
        }
    }
}
