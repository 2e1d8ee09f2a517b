package dev.uffdgc.toyvm.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.proc.ProcMaps;
import dev.uffdgc.kernel.proc.ProcStatus;
import dev.uffdgc.kernel.uapi.Mman;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Heap#renewPuds} frees the page tables of dead whole PUDs (a collector's mremap of the heap then skips them,
 * issue 10) and leaves the heap one mapping, zero there, and the rest as it was. The tables are seen in VmPTE: a
 * page touched in each of 30 PUDs gives each a PMD table (4 KiB), which MADV_DONTNEED keeps; red with renewPuds
 * doing a MADV_DONTNEED instead of the mmap (VmPTE fell by 0 KiB there).
 */
class RenewPudsTest {
    private static final long PUD = Memory.PUD_SIZE;
    private static final int PUDS = 31;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void deadPudsLoseTheirPageTablesAndTheHeapStaysOneMapping(boolean hugePages) {
        Heap heap = new Heap(PUDS * PUD, hugePages);
        MemorySegment mapping = heap.mapping();
        MemorySegment region = heap.region();
        for (int p = 0; p < PUDS; p++) {
            region.set(ValueLayout.JAVA_LONG, p * PUD + 8, p + 1); // a PMD table (and a page) in every PUD
        }
        MemorySegment dead = region.asSlice(PUD, (PUDS - 1) * PUD);
        Memory.madvise(dead, Mman.MADV_DONTNEED); // what a collector does first: the pages go, the tables stay
        long before = ProcStatus.self().bytes("VmPTE");
        heap.renewPuds(PUD, (PUDS - 1) * PUD);
        long freed = before - ProcStatus.self().bytes("VmPTE");
        assertTrue(freed >= (PUDS - 1) * 4096L / 2, "VmPTE fell by " + (freed >> 10) + " KiB after renewing "
                + (PUDS - 1) + " PUDs that each held a PMD table");
        assertEquals(1, ProcMaps.overlapping(mapping.address(), mapping.address() + mapping.byteSize()).size(),
                "the heap mapping is no longer one mapping");
        assertEquals(1, region.get(ValueLayout.JAVA_LONG, 8), "the PUD kept lost its data");
        for (int p = 1; p < PUDS; p++) {
            region.set(ValueLayout.JAVA_LONG, p * PUD + 8, 0); // writable again, and zero
            assertEquals(0, region.get(ValueLayout.JAVA_LONG, p * PUD), "a renewed PUD is not zero");
        }
        assertEquals(1, ProcMaps.overlapping(mapping.address(), mapping.address() + mapping.byteSize()).size(),
                "the heap mapping split when the renewed PUDs were touched");
        assertThrows(IllegalArgumentException.class, () -> heap.renewPuds(PUD / 2, PUD));
        assertThrows(IllegalArgumentException.class, () -> heap.renewPuds(0, (PUDS + 1) * PUD));
        Memory.munmap(mapping);
    }
}
