package dev.uffdgc.kernel.proc;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.NativeFile;
import dev.uffdgc.kernel.uapi.Fcntl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code /proc/self/pagemap}: one 64-bit entry per virtual page telling whether it is present, swapped, exclusive
 * or soft-dirty. Bit names as in {@code fs/proc/task_mmu.c}.
 *
 * <p>Each query is one pread(2) of the whole range into a buffer this object keeps and grows, so reading every
 * page of a heap allocates nothing after the first call. That buffer makes an instance single-threaded: give each
 * thread its own (they are cheap: one file descriptor).
 */
public final class Pagemap implements AutoCloseable {
    public static final int PM_ENTRY_BYTES = 8;
    public static final int PM_PFRAME_BITS = 55;
    public static final long PM_PFRAME_MASK = (1L << PM_PFRAME_BITS) - 1;
    public static final long PM_SOFT_DIRTY = 1L << 55;
    public static final long PM_MMAP_EXCLUSIVE = 1L << 56;
    public static final long PM_UFFD_WP = 1L << 57;
    public static final long PM_GUARD_REGION = 1L << 58;
    public static final long PM_FILE = 1L << 61;
    public static final long PM_SWAP = 1L << 62;
    public static final long PM_PRESENT = 1L << 63;
    /** Swap entries: bits 0-4 are the swap type, bits 5-54 the offset. */
    public static final int MAX_SWAPFILES_SHIFT = 5;

    private static final Path SELF = Path.of("/proc/self/pagemap");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    /** clear_refs command 4 (CLEAR_REFS_SOFT_DIRTY): clear the soft-dirty bits of all of this process's pages. */
    private static final String CLEAR_REFS_SOFT_DIRTY = "4";

    private final NativeFile file;
    private Arena arena = Arena.ofShared();
    private MemorySegment buffer = MemorySegment.NULL;
    /** The last slice handed out: reused when the next range has the same page count, so repeats allocate nothing. */
    private MemorySegment slice = MemorySegment.NULL;

    private Pagemap(NativeFile file) {
        this.file = file;
    }

    public static Pagemap openSelf() {
        return new Pagemap(NativeFile.open(SELF, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC, 0));
    }

    public static boolean isPresent(long entry) {
        return entry < 0; // bit 63
    }

    public static boolean isSwapped(long entry) {
        return (entry & PM_SWAP) != 0;
    }

    /** Number of pages that {@code range} touches (its ends rounded out to page boundaries). */
    public static long pageCount(MemorySegment range) {
        long first = range.address() / Memory.PAGE_SIZE;
        long end = Memory.roundUp(range.address() + range.byteSize(), Memory.PAGE_SIZE) / Memory.PAGE_SIZE;
        return end - first;
    }

    /**
     * The raw entries of every page of {@code range}, one {@code long} per page in address order. The returned
     * segment is this object's buffer: valid until the next call on this object.
     */
    public MemorySegment read(MemorySegment range) {
        long pages = pageCount(range);
        MemorySegment entries = buffer(pages * PM_ENTRY_BYTES);
        file.preadFully(entries, range.address() / Memory.PAGE_SIZE * PM_ENTRY_BYTES);
        return entries;
    }

    /** The raw entry of the page holding {@code address}. */
    public long entry(long address) {
        return read(MemorySegment.ofAddress(address).reinterpret(1)).get(ValueLayout.JAVA_LONG, 0);
    }

    public PageEntry page(long address) {
        return new PageEntry(entry(address));
    }

    /** One record per page; allocates, so for inspection and tests rather than every-page loops. */
    public PageEntry[] pages(MemorySegment range) {
        MemorySegment entries = read(range);
        PageEntry[] out = new PageEntry[(int) (entries.byteSize() / PM_ENTRY_BYTES)];
        for (int i = 0; i < out.length; i++) {
            out[i] = new PageEntry(entries.getAtIndex(ValueLayout.JAVA_LONG, i));
        }
        return out;
    }

    public long countPresent(MemorySegment range) {
        return countAll(range, PM_PRESENT);
    }

    public long countSwapped(MemorySegment range) {
        return countAll(range, PM_SWAP);
    }

    /** Pages of {@code range} whose entry has every bit of {@code mask} set (e.g. PM_PRESENT | PM_SOFT_DIRTY). */
    public long countAll(MemorySegment range, long mask) {
        MemorySegment entries = read(range);
        long n = entries.byteSize() / PM_ENTRY_BYTES;
        long count = 0;
        for (long i = 0; i < n; i++) {
            if ((entries.getAtIndex(ValueLayout.JAVA_LONG, i) & mask) == mask) {
                count++;
            }
        }
        return count;
    }

    /** Every count at once, from one read. */
    public PageCounts counts(MemorySegment range) {
        MemorySegment entries = read(range);
        long n = entries.byteSize() / PM_ENTRY_BYTES;
        long present = 0;
        long swapped = 0;
        long exclusive = 0;
        long softDirty = 0;
        for (long i = 0; i < n; i++) {
            long e = entries.getAtIndex(ValueLayout.JAVA_LONG, i);
            present += e >>> 63;
            swapped += (e >>> 62) & 1;
            exclusive += (e >>> 56) & 1;
            softDirty += (e >>> 55) & 1;
        }
        return new PageCounts(n, present, swapped, exclusive, softDirty);
    }

    /**
     * Clears the soft-dirty bit of every page of this process (write "4" to /proc/self/clear_refs), so that
     * {@link PageEntry#softDirty()} afterwards means "written since this call". Costs a walk of all page tables
     * and write-protects them, so the next write to each page takes a minor fault.
     */
    public static void clearSoftDirty() {
        try {
            Files.writeString(CLEAR_REFS, CLEAR_REFS_SOFT_DIRTY, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("write " + CLEAR_REFS_SOFT_DIRTY + " to " + CLEAR_REFS, e);
        }
    }

    private MemorySegment buffer(long bytes) {
        if (buffer.byteSize() < bytes) {
            arena.close();
            arena = Arena.ofShared();
            buffer = arena.allocate(Math.max(bytes, 2 * buffer.byteSize()), PM_ENTRY_BYTES);
            slice = MemorySegment.NULL;
        }
        if (slice.byteSize() != bytes) {
            slice = buffer.asSlice(0, bytes);
        }
        return slice;
    }

    /** Idempotent. */
    @Override
    public void close() {
        if (buffer == null) {
            return;
        }
        file.close();
        arena.close();
        buffer = null;
        slice = null;
    }
}
