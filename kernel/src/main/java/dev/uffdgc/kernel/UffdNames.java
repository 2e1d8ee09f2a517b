package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Userfaultfd.*;

import java.util.ArrayList;
import java.util.List;

/** The uapi names of userfaultfd feature bits and ioctl numbers, for messages and reports. */
final class UffdNames {
    private UffdNames() {
    }

    record Bit(long mask, String name) {
    }

    static final List<Bit> FEATURES = List.of(
            new Bit(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP"),
            new Bit(UFFD_FEATURE_EVENT_FORK, "UFFD_FEATURE_EVENT_FORK"),
            new Bit(UFFD_FEATURE_EVENT_REMAP, "UFFD_FEATURE_EVENT_REMAP"),
            new Bit(UFFD_FEATURE_EVENT_REMOVE, "UFFD_FEATURE_EVENT_REMOVE"),
            new Bit(UFFD_FEATURE_MISSING_HUGETLBFS, "UFFD_FEATURE_MISSING_HUGETLBFS"),
            new Bit(UFFD_FEATURE_MISSING_SHMEM, "UFFD_FEATURE_MISSING_SHMEM"),
            new Bit(UFFD_FEATURE_EVENT_UNMAP, "UFFD_FEATURE_EVENT_UNMAP"),
            new Bit(UFFD_FEATURE_SIGBUS, "UFFD_FEATURE_SIGBUS"),
            new Bit(UFFD_FEATURE_THREAD_ID, "UFFD_FEATURE_THREAD_ID"),
            new Bit(UFFD_FEATURE_MINOR_HUGETLBFS, "UFFD_FEATURE_MINOR_HUGETLBFS"),
            new Bit(UFFD_FEATURE_MINOR_SHMEM, "UFFD_FEATURE_MINOR_SHMEM"),
            new Bit(UFFD_FEATURE_EXACT_ADDRESS, "UFFD_FEATURE_EXACT_ADDRESS"),
            new Bit(UFFD_FEATURE_WP_HUGETLBFS_SHMEM, "UFFD_FEATURE_WP_HUGETLBFS_SHMEM"),
            new Bit(UFFD_FEATURE_WP_UNPOPULATED, "UFFD_FEATURE_WP_UNPOPULATED"),
            new Bit(UFFD_FEATURE_POISON, "UFFD_FEATURE_POISON"),
            new Bit(UFFD_FEATURE_WP_ASYNC, "UFFD_FEATURE_WP_ASYNC"),
            new Bit(UFFD_FEATURE_MOVE, "UFFD_FEATURE_MOVE"));

    static final List<Bit> IOCTLS = List.of(
            new Bit(1L << _UFFDIO_REGISTER, "UFFDIO_REGISTER"),
            new Bit(1L << _UFFDIO_UNREGISTER, "UFFDIO_UNREGISTER"),
            new Bit(1L << _UFFDIO_WAKE, "UFFDIO_WAKE"),
            new Bit(1L << _UFFDIO_COPY, "UFFDIO_COPY"),
            new Bit(1L << _UFFDIO_ZEROPAGE, "UFFDIO_ZEROPAGE"),
            new Bit(1L << _UFFDIO_MOVE, "UFFDIO_MOVE"),
            new Bit(1L << _UFFDIO_WRITEPROTECT, "UFFDIO_WRITEPROTECT"),
            new Bit(1L << _UFFDIO_CONTINUE, "UFFDIO_CONTINUE"),
            new Bit(1L << _UFFDIO_POISON, "UFFDIO_POISON"),
            new Bit(1L << _UFFDIO_API, "UFFDIO_API"));

    /** The names of the bits set in {@code mask}; bits without a uapi name appear as "bit N". */
    static List<String> names(List<Bit> table, long mask) {
        List<String> out = new ArrayList<>();
        long known = 0;
        for (Bit b : table) {
            known |= b.mask();
            if ((mask & b.mask()) != 0) {
                out.add(b.name());
            }
        }
        for (long rest = mask & ~known; rest != 0; rest &= rest - 1) {
            out.add("bit " + Long.numberOfTrailingZeros(rest));
        }
        return out;
    }
}
