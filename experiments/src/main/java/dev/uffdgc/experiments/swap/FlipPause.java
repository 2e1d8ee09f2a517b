package dev.uffdgc.experiments.swap;

import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.kernel.uapi.Mman;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seed claim 4: the flip pause of a concurrent compactor (DESIGN.md step 3) as a function of heap size,
 * measured directly with the kernel calls: a populated heap is moved to a from-space with
 * mremap(MREMAP_MAYMOVE | MREMAP_DONTUNMAP), and the emptied heap range is registered for MISSING faults.
 */
final class FlipPause {
    record Point(long heapBytes, double medianMillis, double maxMillis, double mremapMedianMillis) {
    }

    private FlipPause() {
    }

    static List<Point> measure(long[] sizes, int rounds) {
        List<Point> points = new ArrayList<>();
        try (Uffd uffd = Uffd.open()) {
            uffd.api(0);
            once(uffd, sizes[0]); // warm-up: the first flip also pays for linking the downcalls
            for (long size : sizes) {
                double[] flip = new double[rounds];
                double[] mremap = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    double[] t = once(uffd, size);
                    mremap[r] = t[0];
                    flip[r] = t[1];
                }
                Arrays.sort(flip);
                Arrays.sort(mremap);
                points.add(new Point(size, flip[rounds / 2], flip[rounds - 1], mremap[rounds / 2]));
            }
        }
        return points;
    }

    /** One flip of a freshly populated heap; returns {mremap ms, mremap + register ms}. */
    private static double[] once(Uffd uffd, long size) {
        MemorySegment heap = Memory.mmapAnonymous(size);
        MemorySegment from = null;
        try {
            for (long off = 0; off < size; off += Memory.PAGE_SIZE) {
                heap.set(ValueLayout.JAVA_LONG, off, off | 1);
            }
            long t0 = System.nanoTime();
            from = Memory.mremap(heap, size, Mman.MREMAP_MAYMOVE | Mman.MREMAP_DONTUNMAP, 0);
            long t1 = System.nanoTime();
            uffd.register(heap, UFFDIO_REGISTER_MODE_MISSING);
            long t2 = System.nanoTime();
            uffd.unregister(heap);
            return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6};
        } finally {
            Memory.munmap(heap);
            if (from != null) {
                Memory.munmap(from);
            }
        }
    }
}
