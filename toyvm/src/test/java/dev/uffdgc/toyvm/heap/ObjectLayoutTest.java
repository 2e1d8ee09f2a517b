package dev.uffdgc.toyvm.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Compressed references at their limits: 32 bits shifted by 3 name every 8-aligned offset below 32 GiB. */
class ObjectLayoutTest {
    private static final long GIB = 1L << 30;

    @Test
    void referencesRoundTripAtTheLimits() {
        long[] offsets = {0, 8, 4 * GIB - 8, 4 * GIB, 16 * GIB - 8, 16 * GIB, 32 * GIB - 8};
        for (long off : offsets) {
            assertEquals(off, ObjectLayout.offset(ObjectLayout.ref(off)), "offset " + off);
        }
        assertEquals(0, ObjectLayout.ref(0), "0 stays null");
        assertEquals(1, ObjectLayout.ref(ObjectLayout.FIRST_OBJECT), "the first object is reference 1");
        assertEquals(1 << 29, ObjectLayout.ref(4 * GIB));
        assertEquals(-1, ObjectLayout.ref(32 * GIB - 8), "the last reference is all ones");
        assertEquals(32 * GIB - 8, ObjectLayout.offset(-1), "a negative int is a reference above 16 GiB, not a sign");
        assertEquals(32 * GIB - ObjectLayout.PAGE_SIZE, ObjectLayout.MAX_HEAP_BYTES);
    }

    @Test
    void aFillerSpansAnyGapOfTheHeap() {
        for (long bytes : new long[] {8, 2 * GIB, 4 * GIB + 8, 32 * GIB - 8}) {
            assertEquals(bytes, ObjectLayout.fillerBytes(ObjectLayout.fillerWord(bytes)), "filler of " + bytes);
        }
    }
}
