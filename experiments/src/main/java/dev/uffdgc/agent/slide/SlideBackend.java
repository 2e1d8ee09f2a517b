package dev.uffdgc.agent.slide;

/** How page-slide compaction puts a large array's pages at their destination. */
public enum SlideBackend {
    /** UFFDIO_MOVE: remaps the pages (swap entries included), reading none of them. */
    MOVE,
    /**
     * UFFDIO_COPY from the old pages into fresh ones, then MADV_DONTNEED of the old ones: what a copying
     * compactor does (ART). Reads every page, so a swapped-out page is swapped in first.
     */
    COPY
}
