package dev.uffdgc.agent.compact;

import static dev.uffdgc.kernel.uapi.Mman.*;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;

import dev.uffdgc.kernel.Errno;
import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.kernel.proc.ProcMaps;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The flip's mremap: the whole PUDs of the heap's mapping (toyvm's {@code Heap.mapping()}: 1 GiB-aligned, whole
 * 1 GiB PUDs and one page more) move to a from-space (MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP) at a 1 GiB
 * aligned reservation, leaving the heap range mapped and empty. Source and destination both cover whole PUDs, so
 * the kernel moves one PUD entry per GiB ({@code move_normal_pud}, one TLB flush each) rather than one PMD entry and
 * one flush per 2 MiB: on this VM a flush is a hypercall of ~15-20 µs, and perf of the flip pause (LiveSetChurn
 * 64 MiB live, -Xmx256m) put its mremap's 1.3-2.4 ms in {@code pvm_flush_tlb_multi}. In C here, 256 MiB of touched
 * pages: 0.76-1.0 ms as 128 PMDs, 0.04-0.05 ms as one PUD.
 *
 * <p>The PUD path needs the heap to stay one mapping (mremap moves mapping by mapping): the page beyond the PUDs
 * sees to that (see {@code Heap.mapping()}). When it is several anyway (another collector having split it), each
 * mapping moves separately to its place in the from-space: one mremap for them all since Linux 6.17, else one per
 * mapping (EFAULT for a range that spans mappings), and ioctls (MOVE, COPY) must not span mappings either, so the
 * pages where a mapping starts are recorded: page runs are cut there.
 */
final class Flip {
    private static final long PAGE = Memory.PAGE_SIZE;

    private Flip() {
    }

    /**
     * Runs the flip's calls once on a scratch page when the compactor starts: the first mremap, UFFDIO_REGISTER
     * and UFFDIO_UNREGISTER of a process link their FFM downcalls and run cold (see the commit that added this
     * for the measurement), which the first cycle's flip pause paid.
     */
    static void warmUp(Uffd uffd) {
        MemorySegment page = Memory.mmapAnonymous(PAGE);
        page.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
        MemorySegment from = flip(page, new boolean[2], reserve(page));
        try {
            uffd.register(page, UFFDIO_REGISTER_MODE_MISSING);
            uffd.unregister(page);
        } finally {
            Memory.munmap(from);
            Memory.munmap(page);
        }
    }

    /**
     * Marks in {@code cut} the pages of {@code heap} (indices from its start) that begin a mapping. Called on the
     * marker thread before the flip pause: between a cycle's end (unregister) and the next flip nothing changes
     * the heap's mappings, and the flip moves them as they are, so the from-space has its mapping starts at the
     * same pages. Needed because since Linux 6.17 an mremap with MREMAP_FIXED moves a range that spans several
     * mappings in one call (before: EFAULT, and {@link #flip} recorded the pieces itself); a MOVE whose source
     * crosses a from-space mapping start fails with EINVAL (seen: Json under -Xmx640k, GC(5)). {@code maps}: the
     * compactor's /proc/self/maps, open across cycles ({@link ProcMaps#openSelf}).
     */
    static void mappingStarts(MemorySegment heap, boolean[] cut, ProcMaps maps) {
        long start = heap.address();
        long end = start + heap.byteSize();
        Arrays.fill(cut, false);
        for (long[] piece : pieces(maps, start, end)) {
            long lo = Math.max(piece[0], start);
            if (lo < end) {
                cut[(int) ((lo - start) / PAGE)] = true;
            }
        }
    }

    /** A from-space reservation for a flip of {@code mapping} (its whole length), see {@link #reserveCongruent}. */
    static MemorySegment reserve(MemorySegment mapping) {
        return reserveCongruent(mapping.address(), mapping.byteSize());
    }

    /** What the flip moves of the heap's {@code mapping}: its whole 1 GiB PUDs (all of it but the page beyond). */
    static MemorySegment span(MemorySegment mapping) {
        return mapping.asSlice(0, mapping.byteSize() & -Memory.PUD_SIZE);
    }

    /**
     * Moves {@code live} (the heap mapping's {@link #span}) out, to {@code from} (a {@link #reserve} of that span).
     * {@code cut} holds the mapping starts ({@link #mappingStarts}); the fallback for kernels that refuse a
     * multi-mapping mremap marks them again.
     */
    static MemorySegment flip(MemorySegment live, boolean[] cut, MemorySegment from) {
        long start = live.address();
        long len = live.byteSize();
        try {
            Memory.mremap(live, len, MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, from.address());
            return from;
        } catch (KernelException e) {
            if (!e.is(Errno.EFAULT)) {
                Memory.munmap(from);
                throw e;
            }
        }
        long end = start + len;
        for (long[] piece : pieces(null, start, end)) {
            long lo = Math.max(piece[0], start);
            long hi = Math.min(piece[1], end);
            long page = (lo - start) / PAGE;
            if (page < cut.length) { // pieces beyond the heap hold no page a run reads
                cut[(int) page] = true;
            }
            Memory.mremap(MemorySegment.ofAddress(lo).reinterpret(hi - lo), hi - lo,
                    MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, from.address() + (lo - start));
        }
        return from;
    }

    /**
     * Reserves {@code len} bytes of address space (PROT_NONE, nothing committed) starting at the same offset
     * within a 1 GiB PUD as {@code start}. Why: mremap moves whole page tables (one PUD entry per GiB,
     * {@code move_normal_pud}; one PMD entry per 2 MiB, {@code move_normal_pmd}) only where source and destination
     * are congruent modulo that size; elsewhere it moves every PTE. Measured in C on this VM, 2000 MiB of touched
     * 4 KiB pages, MREMAP_DONTUNMAP|FIXED: 0.15 ms congruent modulo 2 MiB, 5.1 ms one page off; with the source still
     * registered with userfaultfd (no EVENT_REMAP) the kernel moves PTEs whatever the alignment (4.0 ms) — the heap
     * is unregistered when a cycle ends, so the flip gets the fast path. Letting mremap pick the address (as before)
     * gave no congruence.
     */
    private static MemorySegment reserveCongruent(long start, long len) {
        long pud = Memory.PUD_SIZE;
        long raw = Memory.mmap(0, len + pud, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE).address();
        long at = (raw & -pud) + (start & (pud - 1));
        if (at < raw) {
            at += pud;
        }
        if (at > raw) {
            Memory.munmap(raw, at - raw);
        }
        long tail = raw + len + pud - (at + len);
        if (tail > 0) {
            Memory.munmap(at + len, tail);
        }
        return MemorySegment.ofAddress(at).reinterpret(len);
    }

    /**
     * The mappings overlapping [start, end): PROCMAP_QUERY (Linux 6.11+, one ioctl per mapping of the range), else
     * the whole of /proc/self/maps read and parsed. Once per cycle on the marker thread; the file read was ~40% of
     * the marker's planning CPU (JFR CPU-time samples, DenseHeap 120000 40 3 1, move, 2026-12-07). {@code maps}: an
     * open /proc/self/maps, or null to open one for this call.
     */
    private static long[][] pieces(ProcMaps maps, long start, long end) {
        try {
            return (maps != null ? maps.query(start, end) : ProcMaps.overlapping(start, end)).toArray(long[][]::new);
        } catch (KernelException e) {
            if (!e.is(Errno.ENOTTY)) {
                throw e;
            }
        }
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream().map(line -> {
                String[] r = line.substring(0, line.indexOf(' ')).split("-");
                return new long[] {Long.parseUnsignedLong(r[0], 16), Long.parseUnsignedLong(r[1], 16)};
            }).filter(r -> r[1] > start && r[0] < end).toArray(long[][]::new);
        } catch (IOException e) {
            throw new IllegalStateException("uffd-gc: cannot read /proc/self/maps to flip a split heap", e);
        }
    }
}
