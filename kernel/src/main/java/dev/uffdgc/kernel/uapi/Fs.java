package dev.uffdgc.kernel.uapi;

import static dev.uffdgc.kernel.uapi.Ioctl._IOWR;

/**
 * The pagemap scan ioctl of {@code include/uapi/linux/fs.h} (Linux 6.7+), names as there: {@code PAGEMAP_SCAN} on
 * an open {@code /proc/PID/pagemap} walks a range's page tables and returns regions of pages by category. Used here
 * for {@link #PAGE_IS_HUGE}: whether a range is mapped by a transparent huge PMD, which plain pagemap entries do not
 * say (and mincore, smaps only per mapping).
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
}
