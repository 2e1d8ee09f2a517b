package dev.uffdgc.toyvm.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.Memory;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under a guard, every page an access touches must pass the page-state check first, including the second page
 * of an unaligned access that crosses a page boundary (Unsafe allows those); a page not ready goes to the gate.
 */
class PageGuardTest {
    private static final int PAGE = 4096;

    /** Every multi-byte access at offsets that end on the next (not ready) page: each asks the gate for page 1. */
    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void anUnalignedAccessCrossingIntoAPageNotReadyWaitsForThatPage(int width) {
        MemorySegment heap = Memory.mmapAnonymous(2 * PAGE);
        try {
            HeapAccess mem = new HeapAccess(heap.address(), heap.byteSize());
            byte[] ready = {1, 0};
            List<Integer> asked = new ArrayList<>();
            mem.setGuard(PageGuard.checked(ready, asked::add));
            for (int back = 1; back < width; back++) {
                long off = PAGE - back;
                asked.clear();
                access(width).accept(mem, off);
                assertTrue(asked.contains(1) && !asked.contains(0), width + "-byte access at " + off
                        + " crosses into page 1, the gate was asked for " + asked);
            }
            asked.clear();
            access(width).accept(mem, PAGE - width); // ends on page 0: no wait
            assertEquals(List.of(), asked);
        } finally {
            Memory.munmap(heap);
        }
    }

    private static ObjLongConsumer<HeapAccess> access(int width) {
        return switch (width) {
            case 2 -> (m, off) -> {
                m.getShort(off);
                m.getChar(off);
                m.putShort(off, (short) 1);
            };
            case 4 -> (m, off) -> {
                m.getInt(off);
                m.putInt(off, 1);
            };
            default -> (m, off) -> {
                m.getLong(off);
                m.putLong(off, 1);
            };
        };
    }

    @Test
    void anAlignedAccessChecksItsOwnPageOnly() {
        MemorySegment heap = Memory.mmapAnonymous(2 * PAGE);
        try {
            HeapAccess mem = new HeapAccess(heap.address(), heap.byteSize());
            List<Integer> asked = new ArrayList<>();
            mem.setGuard(PageGuard.checked(new byte[] {0, 1}, asked::add));
            mem.getLong(PAGE - 8);
            mem.getLong(PAGE);
            assertEquals(List.of(0), asked);
        } finally {
            Memory.munmap(heap);
        }
    }
}
