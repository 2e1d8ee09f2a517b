package dev.uffdgc.kernel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading floor.c's output lines. */
class CFloorParseTest {
    @Test
    void readsRowAndSampleLines() {
        CFloor.Line row = CFloor.parse("row move_16 182.5 ns/page");
        assertEquals(new CFloor.Line("row", "move_16", 182.5, "ns/page"), row);
        CFloor.Line sample = CFloor.parse("sample mremap_dontunmap 1156128.0 ns/GiB\n");
        assertEquals("mremap_dontunmap", sample.name());
        assertEquals(1156128.0, sample.value());
    }

    @Test
    void rejectsOtherLines() {
        assertTrue(assertThrows(BenchException.class, () -> CFloor.parse("floor: mmap failed"))
                .getMessage().contains("unexpected line from the C floor"));
        assertTrue(assertThrows(BenchException.class, () -> CFloor.parse("row move_1 fast ns/page"))
                .getMessage().contains("unexpected value 'fast'"));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, RowResult.median(new double[] {5, 1, 3}));
        assertEquals(2.5, RowResult.median(new double[] {4, 1, 3, 2}));
    }
}
