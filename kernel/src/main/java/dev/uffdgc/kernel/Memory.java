package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Mman.*;

import java.lang.foreign.MemorySegment;

/**
 * Typed mmap, munmap, mremap, madvise, mprotect and mincore. Segments returned here are unbounded-lifetime views
 * of raw mappings: the caller owns the mapping and ends it with {@link #munmap(MemorySegment)}.
 */
public final class Memory {
    private Memory() {
    }

    /** The base page size; x86_64 Linux uses 4 KiB, and the uapi layouts in this module assume it. */
    public static final long PAGE_SIZE = 4096;
    /** The PMD size: a transparent huge page on x86_64. */
    public static final long HUGE_PAGE_SIZE = 2L << 20;
    /** The PUD size on x86_64 (4-level paging): what one entry of a PMD table's parent maps, 1 GiB. */
    public static final long PUD_SIZE = 1L << 30;

    /** A private anonymous read-write mapping of {@code size} bytes (rounded up to pages), page-aligned. */
    public static MemorySegment mmapAnonymous(long size) {
        return mmapAnonymous(size, PAGE_SIZE);
    }

    /**
     * A private anonymous read-write mapping whose start is aligned to {@code alignment} (a power of two, at least
     * a page; e.g. {@link #HUGE_PAGE_SIZE} so THP can back it). Over-maps by the alignment and trims both ends.
     */
    public static MemorySegment mmapAnonymous(long size, long alignment) {
        if (alignment < PAGE_SIZE || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two >= " + PAGE_SIZE + ": " + alignment);
        }
        long length = roundUp(size, PAGE_SIZE);
        if (length <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        int prot = PROT_READ | PROT_WRITE;
        int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
        if (alignment == PAGE_SIZE) {
            return mmap(0, length, prot, flags);
        }
        long raw = mmap(0, length + alignment, prot, flags).address();
        long start = roundUp(raw, alignment);
        if (start > raw) {
            munmap(raw, start - raw);
        }
        long tail = raw + length + alignment - (start + length);
        if (tail > 0) {
            munmap(start + length, tail);
        }
        return MemorySegment.ofAddress(start).reinterpret(length);
    }

    /** Raw {@code mmap(addr, length, prot, flags, -1, 0)} for anonymous mappings. */
    public static MemorySegment mmap(long addr, long length, int prot, int flags) {
        MemorySegment st = Libc.state();
        MemorySegment r;
        try {
            r = (MemorySegment) Libc.Mmap.HANDLE.invokeExact(st, MemorySegment.ofAddress(addr), length, prot, flags, -1, 0L);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r.address() == MAP_FAILED) {
            int errno = Libc.errno(st);
            throw new KernelException("mmap(length=" + length + ")", errno, switch (Errno.of(errno)) {
                case ENOMEM -> "no address space or over the map count (vm.max_map_count) or overcommit limit";
                case EEXIST -> "MAP_FIXED_NOREPLACE and the range is already mapped";
                case EINVAL -> "bad length, alignment or flags";
                case null, default -> "";
            });
        }
        return r.reinterpret(length);
    }

    public static void munmap(MemorySegment segment) {
        munmap(segment.address(), segment.byteSize());
    }

    public static void munmap(long addr, long length) {
        MemorySegment st = Libc.state();
        int r;
        try {
            r = (int) Libc.Munmap.HANDLE.invokeExact(st, MemorySegment.ofAddress(addr), length);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r != 0) {
            throw new KernelException("munmap(0x" + Long.toHexString(addr) + ", " + length + ")", Libc.errno(st),
                    "address or length not page-aligned");
        }
    }

    /**
     * {@code mremap(old, oldSize, newSize, flags, newAddr)}. With {@code MREMAP_MAYMOVE | MREMAP_DONTUNMAP} the
     * pages move to the new range and the old range stays mapped but empty: the next touch of it is a missing
     * fault, which is what the compactor's flip relies on.
     */
    public static MemorySegment mremap(MemorySegment old, long newSize, int flags, long newAddr) {
        MemorySegment st = Libc.state();
        MemorySegment r;
        try {
            r = (MemorySegment) Libc.Mremap.HANDLE.invokeExact(st, old, old.byteSize(), newSize, flags,
                    MemorySegment.ofAddress(newAddr));
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r.address() == MAP_FAILED) {
            int errno = Libc.errno(st);
            throw new KernelException("mremap(flags=0x" + Integer.toHexString(flags) + ")", errno,
                    switch (Errno.of(errno)) {
                        case EINVAL -> "bad flags or alignment; MREMAP_DONTUNMAP needs MREMAP_MAYMOVE, equal sizes"
                                + " and a private anonymous mapping";
                        case EFAULT -> "the old range is not fully mapped";
                        case ENOMEM -> "no room to move the mapping, or over vm.max_map_count";
                        case null, default -> "";
                    });
        }
        return r.reinterpret(newSize);
    }

    /** {@code madvise(segment, advice)}, with one of the {@code MADV_*} constants of {@link dev.uffdgc.kernel.uapi.Mman}. */
    public static void madvise(MemorySegment segment, int advice) {
        MemorySegment st = Libc.state();
        int r;
        try {
            r = (int) Libc.Madvise.HANDLE.invokeExact(st, segment, segment.byteSize(), advice);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r != 0) {
            int errno = Libc.errno(st);
            throw new KernelException("madvise(advice=" + advice + ")", errno, switch (Errno.of(errno)) {
                case EINVAL -> "advice not supported by this kernel or this kind of mapping, or unaligned start";
                case ENOMEM -> "part of the range is not mapped";
                case EAGAIN -> "a kernel resource was temporarily unavailable; retry";
                case EPERM -> "this advice needs a capability (e.g. CAP_SYS_ADMIN)";
                case null, default -> "";
            });
        }
    }

    public static void mprotect(MemorySegment segment, int prot) {
        MemorySegment st = Libc.state();
        int r;
        try {
            r = (int) Libc.Mprotect.HANDLE.invokeExact(st, segment, segment.byteSize(), prot);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r != 0) {
            throw new KernelException("mprotect(prot=" + prot + ")", Libc.errno(st),
                    "unaligned range, unmapped pages, or protection not allowed");
        }
    }

    /**
     * {@code mincore}: for each page of the segment, whether it is resident in memory. A page that was never
     * touched, was dropped with MADV_DONTNEED, or is swapped out reads as not resident.
     */
    public static boolean[] mincore(MemorySegment segment) {
        int pages = (int) ((segment.byteSize() + PAGE_SIZE - 1) / PAGE_SIZE);
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment vec = arena.allocate(pages);
            MemorySegment st = Libc.state();
            int r = (int) Libc.Mincore.HANDLE.invokeExact(st, segment, segment.byteSize(), vec);
            if (r != 0) {
                throw new KernelException("mincore", Libc.errno(st), "unaligned start or unmapped pages in range");
            }
            boolean[] resident = new boolean[pages];
            for (int i = 0; i < pages; i++) {
                resident[i] = (vec.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i) & 1) != 0;
            }
            return resident;
        } catch (KernelException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static long roundUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
