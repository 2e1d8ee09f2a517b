package dev.uffdgc.kernel.proc;

import static dev.uffdgc.kernel.uapi.Fs.*;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.uffdgc.kernel.Errno;
import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.NativeFile;
import dev.uffdgc.kernel.uapi.Fcntl;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mappings (VMAs) of the calling process that overlap a range, by {@code PROCMAP_QUERY} on
 * {@code /proc/self/maps} (Linux 6.11+): one ioctl per mapping of the range, where reading the maps file makes the
 * kernel format a line for every mapping of the process (a JVM has hundreds, most of them file-backed, each named
 * by a path walk). Why it matters: the concurrent compactor reads the heap's mapping starts once per cycle, and
 * the read and parse of /proc/self/maps was ~40% of its marker thread's planning CPU (JFR CPU-time samples, dense
 * heap, 2026-12-07).
 *
 * <p>{@link #openSelf} keeps the file and the query buffer open for queries repeated once per cycle: the open, the
 * close and the buffer's arena were most of a cycle's query (LiveSetChurn 8 2 102 under move, thread CPU of the
 * marker's mapping-starts step, C1 host JIT, load ~6-9: 0.24-0.37 ms per cycle with a fresh file each time).
 */
public final class ProcMaps implements AutoCloseable {
    private final NativeFile maps;
    private final Arena arena;
    private final MemorySegment query;

    private ProcMaps(NativeFile maps) {
        this.maps = maps;
        this.arena = Arena.ofShared();
        this.query = arena.allocate(PROCMAP_QUERY_SIZE, 8);
    }

    /** {@code /proc/self/maps} opened for {@link #query}; close it when done. */
    public static ProcMaps openSelf() {
        return new ProcMaps(NativeFile.open(Path.of("/proc/self/maps"), Fcntl.O_RDONLY | Fcntl.O_CLOEXEC, 0));
    }

    /**
     * {@code [start, end)} of every mapping that overlaps {@code [lo, hi)}, in address order, with a file opened for
     * this call alone.
     *
     * @throws KernelException ENOTTY on a kernel older than 6.11 (callers fall back to reading the file)
     */
    public static List<long[]> overlapping(long lo, long hi) {
        try (ProcMaps m = openSelf()) {
            return m.query(lo, hi);
        }
    }

    /**
     * {@code [start, end)} of every mapping that overlaps {@code [lo, hi)}, in address order: one PROCMAP_QUERY per
     * mapping. Thread-safe (one query at a time).
     *
     * @throws KernelException ENOTTY on a kernel older than 6.11 (callers fall back to reading the file)
     */
    public synchronized List<long[]> query(long lo, long hi) {
        List<long[]> out = new ArrayList<>();
        long at = lo;
        while (at < hi) {
            query.fill((byte) 0);
            query.set(JAVA_LONG, PROCMAP_QUERY_OFF_SIZE, PROCMAP_QUERY_SIZE);
            query.set(JAVA_LONG, PROCMAP_QUERY_OFF_QUERY_FLAGS, PROCMAP_QUERY_COVERING_OR_NEXT_VMA);
            query.set(JAVA_LONG, PROCMAP_QUERY_OFF_QUERY_ADDR, at);
            try {
                maps.ioctl("PROCMAP_QUERY", PROCMAP_QUERY, query);
            } catch (KernelException e) {
                if (e.is(Errno.ENOENT)) { // no mapping at or above at
                    break;
                }
                throw e;
            }
            long start = query.get(JAVA_LONG, PROCMAP_QUERY_OFF_VMA_START);
            long end = query.get(JAVA_LONG, PROCMAP_QUERY_OFF_VMA_END);
            if (start >= hi) {
                break;
            }
            out.add(new long[] {start, end});
            at = end;
        }
        return out;
    }

    @Override
    public synchronized void close() {
        maps.close();
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
