package dev.uffdgc.kernel.proc;

import static dev.uffdgc.kernel.proc.Pagemap.*;

/**
 * One 64-bit entry of {@code /proc/<pid>/pagemap} (Documentation/admin-guide/mm/pagemap.rst). The PFN and the
 * swap type/offset read as 0 without CAP_SYS_ADMIN; the flag bits are always there.
 */
public record PageEntry(long raw) {

    public boolean present() {
        return isPresent(raw);
    }

    public boolean swapped() {
        return isSwapped(raw);
    }

    /** The page is mapped by this process only (private anonymous pages after a write, not shared after fork). */
    public boolean exclusive() {
        return (raw & PM_MMAP_EXCLUSIVE) != 0;
    }

    /** Written since the last {@link Pagemap#clearSoftDirty()} (needs CONFIG_MEM_SOFT_DIRTY). */
    public boolean softDirty() {
        return (raw & PM_SOFT_DIRTY) != 0;
    }

    /** A file page or a shared-anonymous page. */
    public boolean file() {
        return (raw & PM_FILE) != 0;
    }

    public boolean uffdWriteProtected() {
        return (raw & PM_UFFD_WP) != 0;
    }

    /** The page frame number when present (0 if hidden for lack of CAP_SYS_ADMIN), else -1. */
    public long pfn() {
        return present() ? raw & PM_PFRAME_MASK : -1;
    }

    /** The swap area index (the order in /proc/swaps of swapon) when swapped, else -1. */
    public int swapType() {
        return swapped() ? (int) (raw & ((1L << MAX_SWAPFILES_SHIFT) - 1)) : -1;
    }

    /** The page's slot in its swap area when swapped, else -1. */
    public long swapOffset() {
        return swapped() ? (raw & PM_PFRAME_MASK) >>> MAX_SWAPFILES_SHIFT : -1;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PageEntry[0x").append(Long.toHexString(raw));
        if (present()) {
            b.append(" present pfn=0x").append(Long.toHexString(pfn()));
        } else if (swapped()) {
            b.append(" swapped type=").append(swapType()).append(" offset=").append(swapOffset());
        } else {
            b.append(" none");
        }
        if (exclusive()) {
            b.append(" exclusive");
        }
        if (softDirty()) {
            b.append(" soft-dirty");
        }
        if (file()) {
            b.append(" file");
        }
        return b.append(']').toString();
    }
}
