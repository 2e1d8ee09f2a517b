package dev.uffdgc.kernel.uapi;

import static dev.uffdgc.kernel.uapi.Ioctl._IOWR;

/**
 * The procfs ioctls of {@code include/uapi/linux/fs.h}, names as there. {@code PAGEMAP_SCAN} (Linux 6.7+) on an open
 * {@code /proc/PID/pagemap} walks a range's page tables and returns regions of pages by category. Used here for
 * {@link #PAGE_IS_HUGE}: whether a range is mapped by a transparent huge PMD, which plain pagemap entries do not say
 * (and mincore, smaps only per mapping). {@code PROCMAP_QUERY} (Linux 6.11+) on an open {@code /proc/PID/maps}
 * answers for one address the mapping (VMA) that covers it or the next one, without formatting every line of the
 * maps file.
 */
public final class Fs {
    private Fs() {
    }

    public static final long PAGE_IS_WPALLOWED = 1L << 0;
    public static final long PAGE_IS_WRITTEN = 1L << 1;
    public static final long PAGE_IS_FILE = 1L << 2;
    public static final long PAGE_IS_PRESENT = 1L << 3;
    public static final long PAGE_IS_SWAPPED = 1L << 4;
    public static final long PAGE_IS_PFNZERO = 1L << 5;
    public static final long PAGE_IS_HUGE = 1L << 6;
    public static final long PAGE_IS_SOFT_DIRTY = 1L << 7;
    public static final long PAGE_IS_GUARD = 1L << 8;

    /**
     * {@code struct pm_scan_arg}: twelve __u64 — size, flags, start, end, walk_end, vec, vec_len, max_pages,
     * category_inverted, category_mask, category_anyof_mask, return_mask.
     */
    public static final long PM_SCAN_ARG_SIZE = 12 * 8;
    public static final long PM_SCAN_ARG_OFF_SIZE = 0;
    public static final long PM_SCAN_ARG_OFF_FLAGS = 8;
    public static final long PM_SCAN_ARG_OFF_START = 16;
    public static final long PM_SCAN_ARG_OFF_END = 24;
    public static final long PM_SCAN_ARG_OFF_WALK_END = 32;
    public static final long PM_SCAN_ARG_OFF_VEC = 40;
    public static final long PM_SCAN_ARG_OFF_VEC_LEN = 48;
    public static final long PM_SCAN_ARG_OFF_MAX_PAGES = 56;
    public static final long PM_SCAN_ARG_OFF_CATEGORY_INVERTED = 64;
    public static final long PM_SCAN_ARG_OFF_CATEGORY_MASK = 72;
    public static final long PM_SCAN_ARG_OFF_CATEGORY_ANYOF_MASK = 80;
    public static final long PM_SCAN_ARG_OFF_RETURN_MASK = 88;
    /** {@code struct page_region}: __u64 start, end, categories. */
    public static final long PAGE_REGION_SIZE = 3 * 8;

    /** {@code _IOWR('f', 16, struct pm_scan_arg)}. */
    public static final long PAGEMAP_SCAN = _IOWR('f', 16, PM_SCAN_ARG_SIZE);

    // struct procmap_query (all __u64 but dev_major, dev_minor, vma_name_size, build_id_size: __u32)
    public static final long PROCMAP_QUERY_SIZE = 104;
    public static final long PROCMAP_QUERY_OFF_SIZE = 0;
    public static final long PROCMAP_QUERY_OFF_QUERY_FLAGS = 8;
    public static final long PROCMAP_QUERY_OFF_QUERY_ADDR = 16;
    public static final long PROCMAP_QUERY_OFF_VMA_START = 24;
    public static final long PROCMAP_QUERY_OFF_VMA_END = 32;
    /** enum procmap_query_flags: the VMA covering query_addr, or else the next one above it. */
    public static final long PROCMAP_QUERY_COVERING_OR_NEXT_VMA = 0x10;

    /** {@code _IOWR(PROCFS_IOCTL_MAGIC ('f'), 17, struct procmap_query)}. */
    public static final long PROCMAP_QUERY = _IOWR('f', 17, PROCMAP_QUERY_SIZE);
}
