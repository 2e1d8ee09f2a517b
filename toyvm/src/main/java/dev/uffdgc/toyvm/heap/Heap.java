package dev.uffdgc.toyvm.heap;

import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.kernel.Memory;
import java.lang.foreign.MemorySegment;

/**
 * The guest heap: one page-aligned private anonymous mapping of a fixed size, filled by a bump pointer.
 * The region's address is fixed for the VM's life. Memory above {@link #top()} is always zero, so a fresh
 * object needs only its header written.
 *
 * When the bump pointer would pass the end, the allocator asks its {@link Exhaustion} handler (the collector)
 * to make room and retries once; 0 means there is no room (the caller raises OutOfMemoryError).
 */
public final class Heap {
    /** What the allocator calls when the heap is full: collect, so that {@code bytes} may fit. */
    public interface Exhaustion {
        void onExhausted(long bytes);
    }

    private final MemorySegment region;
    private final HeapAccess access;
    private final long end;
    private long top = FIRST_OBJECT;
    /** Where the fast path stops: the end, or closer in GC-stress mode. */
    private long softLimit;
    private long stressBytes;
    private long stressLimit;
    private long pollBytes;
    private Exhaustion exhaustion = bytes -> { };
    private long allocatedBytes;

    public Heap(long size) {
        if (size < 64 * 1024 || size > MAX_HEAP_BYTES) {
            throw new IllegalArgumentException("heap size must be between 64K and " + (MAX_HEAP_BYTES >> 20) + "M: " + size);
        }
        this.region = Memory.mmapAnonymous(pageAlign(size));
        this.access = new HeapAccess(region.address(), region.byteSize());
        this.end = region.byteSize();
        this.softLimit = end;
    }

    /**
     * GC-stress mode (tests, -Xgc-every): also collect after every {@code bytes} of allocation, so that every
     * code path of a program runs across collections. 0 turns it off.
     */
    public void setStressInterval(long bytes) {
        stressBytes = bytes;
        stressLimit = bytes > 0 ? Math.min(end, top + bytes) : end;
        updateSoftLimit();
    }

    /**
     * Takes the allocation slow path (and so {@link #onSlowPath}) at least every {@code bytes} of allocation; 0
     * turns it off. A collector uses it to start cycles by occupancy or allocation rate before the heap is full.
     */
    public void setPollInterval(long bytes) {
        pollBytes = bytes;
        updateSoftLimit();
    }

    private void updateSoftLimit() {
        long limit = stressBytes > 0 ? stressLimit : end;
        if (pollBytes > 0) {
            limit = Math.min(limit, top + pollBytes);
        }
        softLimit = Math.min(end, limit);
    }

    /**
     * The instrumentation point of the allocation slow path: called (empty) on every slow-path allocation,
     * before anything else, so an agent can attach Advice here (trigger a collection by occupancy or rate).
     */
    public void onSlowPath(long requestBytes) {
    }

    public HeapAccess access() {
        return access;
    }

    public MemorySegment region() {
        return region;
    }

    /** Heap offset one past the last allocated byte. */
    public long top() {
        return top;
    }

    /** Collectors move the bump pointer after compaction; the caller guarantees [newTop, end) is zero. */
    public void setTop(long newTop) {
        top = newTop;
    }

    public long end() {
        return end;
    }

    public long capacity() {
        return end;
    }

    public long used() {
        return top;
    }

    /** Bytes handed out since the VM started (never decreases). */
    public long allocatedBytes() {
        return allocatedBytes + top;
    }

    public void setExhaustion(Exhaustion handler) {
        this.exhaustion = handler;
    }

    /** Allocates {@code size} (8-aligned) zeroed bytes; returns the offset, or 0 when even a collection can't make room. */
    public long allocate(long size) {
        long t = top;
        if (size < LARGE_OBJECT_BYTES && t + size <= softLimit) {
            top = t + size;
            return t;
        }
        return allocateSlow(size);
    }

    private long allocateSlow(long size) {
        onSlowPath(size);
        long at;
        if (stressBytes > 0 && top + size > stressLimit) {
            exhaustion.onExhausted(size);
            stressLimit = Math.min(end, top + stressBytes);
            at = tryBump(size);
        } else {
            at = tryBump(size);
            if (at == 0) {
                exhaustion.onExhausted(size);
                if (stressBytes > 0) {
                    stressLimit = Math.min(end, top + stressBytes);
                }
                at = tryBump(size);
            }
        }
        updateSoftLimit();
        return at;
    }

    private long tryBump(long size) {
        long start = size >= LARGE_OBJECT_BYTES ? pageAlign(top) : top;
        if (start + size > end || start + size < 0) {
            return 0;
        }
        if (start > top) {
            writeFiller(top, start - top);
        }
        top = start + size;
        return start;
    }

    /** Marks {@code [off, off+bytes)} as a dead gap so the heap stays parseable. */
    public void writeFiller(long off, long bytes) {
        access.putInt(off + CLASS_ID_OFFSET, FILLER_CLASS_ID);
        access.putInt(off + HASH_OFFSET, (int) bytes);
    }

    /** Called by collectors before they lower top, to keep the "above top is zero" invariant accounting. */
    public void noteReclaimed(long oldTop, long newTop) {
        allocatedBytes += oldTop - newTop;
    }
}
