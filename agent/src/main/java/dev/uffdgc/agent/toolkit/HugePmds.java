package dev.uffdgc.agent.toolkit;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.proc.PagemapScan;

/**
 * Whether a MOVE moved whole PMDs (the kernel's move_pages_huge_pmd: one PMD entry, no split, one TLB flush) or
 * went PTE by PTE: the ioctl's answer is the same byte count either way, so after a MOVE of at least 2 MiB the
 * destination's whole 2 MiB-aligned PMDs are asked with PAGEMAP_SCAN (PAGE_IS_HUGE) whether they are huge now.
 * Right after the ioctl nothing else can have collapsed them (khugepaged scans every 10 s, and the destination is
 * registered with userfaultfd), so a huge PMD there is one that moved whole. One ioctl of a few µs per 2 MiB MOVE,
 * outside the ioctl time {@link PageMapper} reports. One process-wide pagemap descriptor, used under a lock (the
 * scans are rare: at most one per 512 pages moved).
 */
final class HugePmds {
    private static PagemapScan scan;
    private static boolean unavailable;

    private HugePmds() {
    }

    /** Bytes of [dst, dst + len) mapped by huge PMDs (0 where PAGEMAP_SCAN is missing: Linux before 6.7). */
    static synchronized long count(long dst, long len) {
        long pmd = Memory.HUGE_PAGE_SIZE;
        long lo = (dst + pmd - 1) & -pmd;
        long hi = (dst + len) & -pmd;
        if (hi <= lo || unavailable) {
            return 0;
        }
        try {
            if (scan == null) {
                scan = PagemapScan.openSelf();
            }
            return scan.hugeBytes(lo, hi - lo);
        } catch (KernelException e) {
            unavailable = true; // counted as PTE runs from now on; the log's PMD figure then reads 0
            return 0;
        }
    }
}
