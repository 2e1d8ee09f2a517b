package dev.uffdgc.kernel.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.uapi.Mman;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PROCMAP_QUERY's mappings of a range: what /proc/self/maps lists for it, a range split by mprotect included. */
class ProcMapsTest {
    private static final long P = Memory.PAGE_SIZE;

    @Test
    @Timeout(10)
    void listsTheMappingsOfARangeAsTheMapsFileDoes() throws IOException {
        MemorySegment m = Memory.mmapAnonymous(8 * P);
        try {
            Memory.mprotect(m.asSlice(2 * P, P), Mman.PROT_READ); // three mappings: [0, 2), [2, 3), [3, 8) pages
            long a = m.address();
            List<long[]> got = ProcMaps.overlapping(a + P, a + 5 * P);
            assertEquals(3, got.size(), render(got));
            assertEquals(a + 2 * P, got.get(0)[1]);
            assertEquals(a + 2 * P, got.get(1)[0]);
            assertEquals(a + 3 * P, got.get(1)[1]);
            assertEquals(a + 3 * P, got.get(2)[0]);
            assertEquals(render(fromFile(a + P, a + 5 * P)), render(got));
            assertEquals(1, ProcMaps.overlapping(a + 4 * P, a + 5 * P).size(), "a range inside one mapping");
            assertEquals(render(fromFile(a, a + 8 * P)), render(ProcMaps.overlapping(a, a + 8 * P)));
        } finally {
            Memory.munmap(m);
        }
    }

    /** A file kept open across queries (the compactor's, once per cycle) sees mappings split and merged since. */
    @Test
    @Timeout(10)
    void anOpenFileSeesLaterChanges() throws IOException {
        MemorySegment m = Memory.mmapAnonymous(8 * P);
        try (ProcMaps maps = ProcMaps.openSelf()) {
            long a = m.address();
            assertEquals(1, maps.query(a, a + 8 * P).size());
            Memory.mprotect(m.asSlice(2 * P, P), Mman.PROT_READ);
            assertEquals(render(fromFile(a, a + 8 * P)), render(maps.query(a, a + 8 * P)));
            assertEquals(3, maps.query(a, a + 8 * P).size());
            Memory.mprotect(m.asSlice(2 * P, P), Mman.PROT_READ | Mman.PROT_WRITE);
            assertEquals(1, maps.query(a, a + 8 * P).size(), "merged again");
        } finally {
            Memory.munmap(m);
        }
    }

    private static List<long[]> fromFile(long lo, long hi) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().map(line -> {
            String[] r = line.substring(0, line.indexOf(' ')).split("-");
            return new long[] {Long.parseUnsignedLong(r[0], 16), Long.parseUnsignedLong(r[1], 16)};
        }).filter(r -> r[1] > lo && r[0] < hi).toList();
    }

    private static String render(List<long[]> ranges) {
        return ranges.stream().map(r -> Long.toHexString(r[0]) + "-" + Long.toHexString(r[1])).collect(Collectors.joining(" "));
    }
}
