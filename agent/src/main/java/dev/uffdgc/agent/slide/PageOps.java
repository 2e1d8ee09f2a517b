package dev.uffdgc.agent.slide;

import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_FEATURE_MOVE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_FEATURE_SIGBUS;

import dev.uffdgc.agent.toolkit.MapCounters;
import dev.uffdgc.agent.toolkit.PageMapper;
import dev.uffdgc.agent.toolkit.UffdOps;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.kernel.proc.Pagemap;
import dev.uffdgc.kernel.uapi.Mman;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The page-level operations of one page-slide cycle on the heap region, and what each page holds meanwhile.
 *
 * <p>While the cycle runs, the heap is registered with a userfaultfd for MISSING faults, because UFFDIO_MOVE
 * and UFFDIO_COPY only fill registered ranges. The compacting thread itself must then never touch a page that
 * has no PTE: it would wait for a fault handler that does not exist. So every page's state is tracked (from one
 * pagemap read at the start, then by each operation), and every read or write of heap memory goes through
 * {@link #ensureReadable} / {@link #ensureWritable}, which map the zero page on holes first. The fd is opened
 * with UFFD_FEATURE_SIGBUS: a bug that touches a hole anyway raises an exception instead of hanging.
 *
 * <p>Pages that are swapped out and hold only garbage are dropped (MADV_DONTNEED frees the swap slot without
 * reading it) before anything is written there, so a cycle never swaps in a page only to overwrite it.
 */
final class PageOps implements AutoCloseable {
    static final long PAGE = Memory.PAGE_SIZE;
    private static final byte PRESENT = 0;
    private static final byte HOLE = 1;
    private static final byte SWAPPED = 2;
    /** Pages per ioctl at most: large enough to amortise the call, small enough to stay in the kernel briefly. */
    private static final int MAX_BATCH_PAGES = 512;

    private final MemorySegment heap;
    private final long base;
    private final SlideBackend backend;
    private final Pagemap pagemap = Pagemap.openSelf();
    private Uffd uffd;
    private PageMapper mapper;
    private MapCounters counters = new MapCounters();
    private byte[] state = new byte[0];
    private MemorySegment registered;
    /** Pages below this hold this cycle's destination data. */
    private long claimedPages;

    long ioctlNanos;
    long madviseNanos;
    long zeroFillNanos;
    long pagemapNanos;
    long registerNanos;
    long pagesMoved;
    long pagesCopied;
    long ioctls;
    long pagesDropped;
    long pagesZeroFilled;
    long smallBytesMoved;

    PageOps(MemorySegment heap, SlideBackend backend) {
        this.heap = heap;
        this.base = heap.address();
        this.backend = backend;
    }

    /** Opens the userfaultfd (once) and says why when this kernel cannot do what the backend needs. */
    private Uffd uffd() {
        if (uffd == null) {
            Uffd u = Uffd.open();
            try {
                u.api(UFFD_FEATURE_SIGBUS | (backend == SlideBackend.MOVE ? UFFD_FEATURE_MOVE : 0));
            } catch (RuntimeException e) {
                u.close();
                throw new IllegalStateException("page-slide compaction (" + backend + ") cannot run here: " + e.getMessage(), e);
            }
            uffd = u;
        }
        return uffd;
    }

    /** The toolkit's page mapper (one retry and fallback policy for every collector), with this cycle's counters. */
    private PageMapper mapper() {
        if (mapper == null) {
            mapper = new PageMapper(UffdOps.of(uffd(), UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES), backend == SlideBackend.MOVE,
                    counters);
        }
        return mapper;
    }

    /** Starts a cycle over [0, pages * PAGE): reads every page's state, registers the range. */
    void begin(long pages) {
        ioctlNanos = madviseNanos = zeroFillNanos = pagemapNanos = registerNanos = 0;
        pagesMoved = pagesCopied = ioctls = pagesDropped = pagesZeroFilled = smallBytesMoved = 0;
        claimedPages = 0;
        counters = new MapCounters();
        mapper = null;
        if (state.length < pages) {
            state = new byte[(int) pages];
        }
        long t0 = System.nanoTime();
        MemorySegment range = heap.asSlice(0, pages * PAGE);
        MemorySegment entries = pagemap.read(range);
        for (int i = 0; i < pages; i++) {
            long e = entries.getAtIndex(ValueLayout.JAVA_LONG, i);
            state[i] = Pagemap.isPresent(e) ? PRESENT : Pagemap.isSwapped(e) ? SWAPPED : HOLE;
        }
        long t1 = System.nanoTime();
        pagemapNanos += t1 - t0;
        uffd().register(range, UFFDIO_REGISTER_MODE_MISSING);
        registered = range;
        registerNanos += System.nanoTime() - t1;
    }

    /** Ends the cycle: unregistered holes read as zero again, as the allocator expects above top. */
    void end() {
        ioctls = counters.ioctls.sum();
        if (registered != null) {
            long t0 = System.nanoTime();
            uffd.unregister(registered);
            registered = null;
            registerNanos += System.nanoTime() - t0;
        }
    }

    /** Makes the pages of [off, off+len) safe to read: holes get the zero page (what an untouched page reads as). */
    void ensureReadable(long off, long len) {
        for (long p = off / PAGE, last = (off + len - 1) / PAGE; p <= last; p++) {
            if (state[(int) p] == HOLE) {
                zeroFill(p);
            }
        }
    }

    /**
     * Makes [off, off+len) safe to write, where every live object not yet relocated starts at or above
     * {@code liveFrom}. A page written for the first time this cycle that is swapped out and lies wholly below
     * liveFrom holds only stale data: it is dropped rather than swapped in.
     */
    void ensureWritable(long off, long len, long liveFrom) {
        long last = (off + len - 1) / PAGE;
        for (long p = Math.max(off / PAGE, claimedPages); p <= last; p++) {
            byte s = state[(int) p];
            if (s == SWAPPED && (p + 1) * PAGE <= liveFrom) {
                drop(p * PAGE, PAGE);
                s = HOLE;
            }
            if (s == HOLE) {
                zeroFill(p);
            }
        }
        claimedPages = Math.max(claimedPages, last + 1);
        ensureReadable(off, len); // pages claimed earlier may have been emptied since (e.g. vacated by a move)
    }

    /** Records that [off, off+len) holds this cycle's data in place (an object that does not move). */
    void claim(long off, long len) {
        claimedPages = Math.max(claimedPages, (off + len - 1) / PAGE + 1);
    }

    /** memmove of [from, from+len) to [to, ...) within the heap, pages made safe first. */
    void slide(long from, long to, long len, long liveFrom) {
        ensureReadable(from, len);
        long lastDest = (to + len - 1) / PAGE;
        if (lastDest >= claimedPages || state[(int) lastDest] == HOLE || state[(int) (to / PAGE)] == HOLE) {
            ensureWritable(to, len, liveFrom); // the usual case, all in claimed present pages, skips this
        }
        // Not timed per call (two clock reads would cost more than a small object's copy): the cycle's
        // relocation time minus the page operations is the memmove share.
        MemorySegment.copy(heap, from, heap, to, len);
        smallBytesMoved += len;
    }

    /** MADV_DONTNEED of [off, off+len) (page-aligned); skips it when every page is already a hole. */
    void drop(long off, long len) {
        int first = (int) (off / PAGE);
        int n = (int) (len / PAGE);
        boolean any = false;
        for (int i = first; i < first + n && !any; i++) {
            any = state[i] != HOLE;
        }
        if (!any) {
            return;
        }
        long t0 = System.nanoTime();
        Memory.madvise(MemorySegment.ofAddress(base + off).reinterpret(len), Mman.MADV_DONTNEED);
        madviseNanos += System.nanoTime() - t0;
        for (int i = first; i < first + n; i++) {
            if (state[i] != HOLE) {
                pagesDropped++;
                state[i] = HOLE;
            }
        }
    }

    private void zeroFill(long page) {
        long t0 = System.nanoTime();
        uffd.zeropage(base + page * PAGE, PAGE, 0);
        zeroFillNanos += System.nanoTime() - t0;
        state[(int) page] = PRESENT;
        pagesZeroFilled++;
    }

    /**
     * Puts the {@code pages} pages at {@code src} at {@code dst} (both page-aligned, dst below src), with the
     * backend's ioctl. Everything in [dst, src) is stale and is dropped first; where the ranges overlap, the
     * pages go in chunks no longer than the distance, so each chunk's destination has just been vacated.
     */
    void placePages(long dst, long src, long pages) {
        long delta = src - dst;
        long stale = Math.min(delta, pages * PAGE);
        drop(dst, stale);
        long chunk = Math.min(Math.min(pages, delta / PAGE), MAX_BATCH_PAGES);
        for (long done = 0; done < pages; done += chunk) {
            long n = Math.min(chunk, pages - done);
            long d = dst + done * PAGE;
            long s = src + done * PAGE;
            if (backend == SlideBackend.MOVE) {
                move(d, s, n);
            } else {
                copy(d, s, n);
            }
        }
        claimedPages = Math.max(claimedPages, dst / PAGE + pages);
    }

    private void move(long d, long s, long n) {
        long t0 = System.nanoTime();
        mapper().map(base + d, base + s, n * PAGE);
        ioctlNanos += System.nanoTime() - t0;
        for (int i = 0; i < n; i++) {
            int from = (int) (s / PAGE) + i;
            state[(int) (d / PAGE) + i] = state[from];
            if (state[from] != HOLE) {
                pagesMoved++;
            }
            state[from] = HOLE;
        }
    }

    /** COPY every run of non-hole source pages (a hole has nothing to copy: the destination stays a hole). */
    private void copy(long d, long s, long n) {
        int sp = (int) (s / PAGE);
        int dp = (int) (d / PAGE);
        for (int i = 0; i < n; ) {
            if (state[sp + i] == HOLE) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && state[sp + j] != HOLE) {
                j++;
            }
            long t0 = System.nanoTime();
            mapper().map(base + d + i * PAGE, base + s + i * PAGE, (j - i) * PAGE);
            ioctlNanos += System.nanoTime() - t0;
            for (int k = i; k < j; k++) {
                state[dp + k] = PRESENT;
            }
            pagesCopied += j - i;
            i = j;
        }
        drop(s, n * PAGE);
    }

    /** Zeroes [from, to) for the allocator: the partial first page by memset, whole pages by MADV_DONTNEED. */
    void clearAbove(long from, long to) {
        if (to <= from) {
            return;
        }
        long firstWhole = Math.min(to, (from + PAGE - 1) / PAGE * PAGE);
        if (firstWhole > from) {
            ensureWritable(from, firstWhole - from, Long.MAX_VALUE);
            heap.asSlice(from, firstWhole - from).fill((byte) 0);
        }
        long lastWhole = (to + PAGE - 1) / PAGE * PAGE;
        if (lastWhole > firstWhole) {
            drop(firstWhole, lastWhole - firstWhole);
        }
    }

    @Override
    public void close() {
        end();
        if (uffd != null) {
            uffd.close();
        }
        pagemap.close();
    }
}
