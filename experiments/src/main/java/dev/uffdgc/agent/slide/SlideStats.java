package dev.uffdgc.agent.slide;

/**
 * What one page-slide cycle did and where its time went. Times in nanoseconds, on the collecting thread.
 * {@code ioctlNanos} is MOVE or COPY (for COPY it includes page allocation, the copy and any swap-in of the
 * source), {@code madviseNanos} MADV_DONTNEED, {@code zeroFillNanos} UFFDIO_ZEROPAGE for holes about to be
 * written, {@code memmoveNanos} the rest of relocation (sliding small objects, fillers, bookkeeping), {@code pagemapNanos} reading page states.
 */
public record SlideStats(
        SlideBackend backend,
        long usedBefore, long usedAfter,
        long liveSmallBytes, long liveArrayBytes, int liveArrays, int deadArrays,
        long youngParsedBytes,
        long markNanos, long planNanos, long updateNanos, long relocateNanos, long totalNanos,
        long memmoveNanos, long ioctlNanos, long madviseNanos, long zeroFillNanos, long pagemapNanos,
        long registerNanos,
        long pagesMoved, long pagesCopied, long ioctls, long pagesDropped, long pagesZeroFilled,
        long smallBytesMoved, long arrayTailPagesRead) {

    /** Time in page work: ioctls, madvise, zero-fill and memmove (the part a MOVE backend shrinks). */
    public long pageWorkNanos() {
        return ioctlNanos + madviseNanos + zeroFillNanos + memmoveNanos;
    }

    public String summary() {
        return String.format("page-slide(%s): %d -> %d KiB in %.2f ms (mark %.2f, plan %.2f, update %.2f, relocate %.2f:"
                        + " ioctl %.2f, madvise %.2f, zero-fill %.2f, memmove %.2f); pages moved %d, copied %d,"
                        + " dropped %d, zero-filled %d; arrays live %d dead %d; tail pages read %d",
                backend.name().toLowerCase(), usedBefore >> 10, usedAfter >> 10, ms(totalNanos), ms(markNanos),
                ms(planNanos), ms(updateNanos), ms(relocateNanos), ms(ioctlNanos), ms(madviseNanos),
                ms(zeroFillNanos), ms(memmoveNanos), pagesMoved, pagesCopied, pagesDropped, pagesZeroFilled,
                liveArrays, deadArrays, arrayTailPagesRead);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
