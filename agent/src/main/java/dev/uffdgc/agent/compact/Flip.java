package dev.uffdgc.agent.compact;

import static dev.uffdgc.kernel.uapi.Mman.*;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;

import dev.uffdgc.kernel.Errno;
import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The flip's mremap: every page of the heap's live part moves to a from-space (MREMAP_MAYMOVE |
 * MREMAP_DONTUNMAP), leaving the heap range mapped and empty. One mremap when the range is one mapping. After
 * some cycles the kernel may keep the heap as several adjacent mappings with equal flags (they stop merging
 * once their anon_vmas differ) and mremap refuses a range that spans mappings (EFAULT); then each mapping moves
 * separately to its place in a reserved from-space (MREMAP_FIXED). Ioctls (MOVE, COPY) must not span mappings
 * either, so the pages where a mapping starts are recorded: page runs are cut there.
 */
final class Flip {
    private static final long PAGE = Memory.PAGE_SIZE;

    private Flip() {
    }

    /**
     * Runs the flip's calls once on a scratch page when the compactor starts: the first mremap, UFFDIO_REGISTER
     * and UFFDIO_UNREGISTER of a process link their FFM downcalls and run cold (see the commit that added this
     * for the measurement), which the first cycle's flip pause paid.
     */
    static void warmUp(Uffd uffd) {
        MemorySegment page = Memory.mmapAnonymous(PAGE);
        page.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
        MemorySegment from = flip(page, new boolean[2]);
        try {
            uffd.register(page, UFFDIO_REGISTER_MODE_MISSING);
            uffd.unregister(page);
        } finally {
            Memory.munmap(from);
            Memory.munmap(page);
        }
    }

    /** Moves {@code live} out; marks in {@code cut} the pages (indices from live's start) that begin a mapping. */
    static MemorySegment flip(MemorySegment live, boolean[] cut) {
        int pages = (int) (live.byteSize() / PAGE);
        Arrays.fill(cut, 0, Math.min(cut.length, pages + 1), false);
        try {
            return Memory.mremap(live, live.byteSize(), MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
        } catch (KernelException e) {
            if (!e.is(Errno.EFAULT)) {
                throw e;
            }
        }
        long start = live.address();
        long end = start + live.byteSize();
        MemorySegment from = Memory.mmap(0, live.byteSize(), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE);
        for (long[] piece : pieces(start, end)) {
            long lo = Math.max(piece[0], start);
            long hi = Math.min(piece[1], end);
            cut[(int) ((lo - start) / PAGE)] = true;
            Memory.mremap(MemorySegment.ofAddress(lo).reinterpret(hi - lo), hi - lo,
                    MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, from.address() + (lo - start));
        }
        return from;
    }

    /** The mappings overlapping [start, end), from /proc/self/maps. */
    private static long[][] pieces(long start, long end) {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream().map(line -> {
                String[] r = line.substring(0, line.indexOf(' ')).split("-");
                return new long[] {Long.parseUnsignedLong(r[0], 16), Long.parseUnsignedLong(r[1], 16)};
            }).filter(r -> r[1] > start && r[0] < end).toArray(long[][]::new);
        } catch (IOException e) {
            throw new IllegalStateException("uffd-gc: cannot read /proc/self/maps to flip a split heap", e);
        }
    }
}
