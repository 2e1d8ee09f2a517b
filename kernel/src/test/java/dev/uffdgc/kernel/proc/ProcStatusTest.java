package dev.uffdgc.kernel.proc;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.*;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.uapi.Mman;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProcStatusTest {
    private static final long MIB = 1L << 20;

    @Test
    void parsesKilobyteFieldsAsBytes() {
        ProcStatus s = ProcStatus.parse("Name:\tjava\nVmHWM:\t    2176 kB\nVmRSS:\t    2048 kB\nVmSwap:\t       0 kB\n"
                + "CapEff:\t000001ffffffffff\n");
        assertEquals(2048 * 1024, s.vmRss());
        assertEquals(2176 * 1024, s.vmHwm());
        assertEquals(0, s.vmSwap());
        assertEquals("java", s.field("Name"));
        assertTrue(s.hasCapSysAdmin());
        assertFalse(ProcStatus.parse("CapEff:\t0000000000000000\n").hasCapSysAdmin());
        assertThrows(IllegalArgumentException.class, () -> s.bytes("Name"), "not a kB field");
        assertThrows(IllegalArgumentException.class, () -> s.bytes("RssShmem"), "absent");
    }

    @Test
    void touching64MiBRaisesRssAndDontneedLowersIt() {
        MemorySegment m = Memory.mmapAnonymous(64 * MIB);
        try {
            ProcStatus before = ProcStatus.self();
            assertTrue(before.vmRss() > 0 && before.vmHwm() >= before.vmRss(), before.toString());
            assertTrue(before.vmSwap() >= 0);
            for (long off = 0; off < m.byteSize(); off += PAGE_SIZE) {
                m.set(ValueLayout.JAVA_BYTE, off, (byte) 1);
            }
            ProcStatus touched = ProcStatus.self();
            assertTrue(touched.vmRss() - before.vmRss() >= 60 * MIB, before + " -> " + touched);
            assertTrue(touched.vmHwm() >= touched.vmRss(), touched.toString());
            assertTrue(touched.bytes("RssAnon") - before.bytes("RssAnon") >= 60 * MIB, "anonymous memory");

            Memory.madvise(m, Mman.MADV_DONTNEED);
            ProcStatus dropped = ProcStatus.self();
            assertTrue(touched.vmRss() - dropped.vmRss() >= 60 * MIB, touched + " -> " + dropped);
            // No check that VmHWM still shows the peak: the kernel stores the high-water mark lazily (munmap, exit),
            // and here a peak released by MADV_DONTNEED was measured to vanish from VmHWM.
        } finally {
            Memory.munmap(m);
        }
    }
}
