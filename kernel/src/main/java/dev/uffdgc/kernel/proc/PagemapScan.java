package dev.uffdgc.kernel.proc;

import static dev.uffdgc.kernel.uapi.Fs.*;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.uffdgc.kernel.NativeFile;
import dev.uffdgc.kernel.uapi.Fcntl;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * {@code PAGEMAP_SCAN} on {@code /proc/self/pagemap} (Linux 6.7+): how many bytes of a range are mapped by
 * transparent huge PMDs. One ioctl per call for a range of up to {@link #REGIONS} runs of huge pages (a page-table
 * walk, no copy of 8 bytes per page as pagemap reads do). The argument and result buffers are this object's, so an
 * instance is single-threaded; give each thread its own.
 */
public final class PagemapScan implements AutoCloseable {
    private static final int REGIONS = 16;
    private final NativeFile file;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment arg = arena.allocate(PM_SCAN_ARG_SIZE, 8);
    private final MemorySegment vec = arena.allocate(REGIONS * PAGE_REGION_SIZE, 8);

    private PagemapScan(NativeFile file) {
        this.file = file;
    }

    /** Opens the calling process's pagemap; a {@link dev.uffdgc.kernel.KernelException} if it cannot. */
    public static PagemapScan openSelf() {
        return new PagemapScan(NativeFile.open(Path.of("/proc/self/pagemap"), Fcntl.O_RDONLY | Fcntl.O_CLOEXEC, 0));
    }

    /** Bytes of [start, start + len) (page-aligned) mapped by huge PMDs ({@code PAGE_IS_HUGE}). */
    public long hugeBytes(long start, long len) {
        long end = start + len;
        long total = 0;
        long at = start;
        while (at < end) {
            arg.fill((byte) 0);
            arg.set(JAVA_LONG, PM_SCAN_ARG_OFF_SIZE, PM_SCAN_ARG_SIZE);
            arg.set(JAVA_LONG, PM_SCAN_ARG_OFF_START, at);
            arg.set(JAVA_LONG, PM_SCAN_ARG_OFF_END, end);
            arg.set(JAVA_LONG, PM_SCAN_ARG_OFF_VEC, vec.address());
            arg.set(JAVA_LONG, PM_SCAN_ARG_OFF_VEC_LEN, REGIONS);
            arg.set(JAVA_LONG, PM_SCAN_ARG_OFF_CATEGORY_MASK, PAGE_IS_HUGE);
            arg.set(JAVA_LONG, PM_SCAN_ARG_OFF_RETURN_MASK, PAGE_IS_HUGE);
            int n = file.ioctl("PAGEMAP_SCAN", PAGEMAP_SCAN, arg);
            for (int i = 0; i < n; i++) {
                total += vec.get(JAVA_LONG, i * PAGE_REGION_SIZE + 8) - vec.get(JAVA_LONG, i * PAGE_REGION_SIZE);
            }
            long walked = arg.get(JAVA_LONG, PM_SCAN_ARG_OFF_WALK_END);
            if (walked <= at) {
                break;
            }
            at = walked;
        }
        return total;
    }

    /** Idempotent. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            file.close();
            arena.close();
        }
    }
}
