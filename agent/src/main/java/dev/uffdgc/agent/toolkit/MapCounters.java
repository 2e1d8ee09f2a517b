package dev.uffdgc.agent.toolkit;

import java.util.concurrent.atomic.LongAdder;

/** What a {@link PageMapper} counts; updated by every thread that maps pages. */
public class MapCounters {
    public final LongAdder pagesMoved = new LongAdder();
    public final LongAdder pagesCopied = new LongAdder();
    public final LongAdder ioctls = new LongAdder();
    public final LongAdder ioctlNanos = new LongAdder();
    public final LongAdder eexist = new LongAdder();
    public final LongAdder eagain = new LongAdder();
    public final LongAdder ebusy = new LongAdder();
    public final LongAdder enomem = new LongAdder();
    /** Pages a MOVE could not map that were mapped with UFFDIO_COPY instead. */
    public final LongAdder fallbackCopies = new LongAdder();
}
