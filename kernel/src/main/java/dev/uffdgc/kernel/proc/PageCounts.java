package dev.uffdgc.kernel.proc;

/** How many pages of a range have each pagemap flag, counted in one pass over one read of the range. */
public record PageCounts(long pages, long present, long swapped, long exclusive, long softDirty) {

    /** Neither present nor swapped: never touched, dropped (MADV_DONTNEED), or moved away. */
    public long none() {
        return pages - present - swapped;
    }
}
