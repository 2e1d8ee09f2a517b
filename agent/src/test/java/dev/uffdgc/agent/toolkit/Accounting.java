package dev.uffdgc.agent.toolkit;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The identities a {@link MapCounters} must satisfy after any sequence of {@link PageMapper#map} calls. */
public final class Accounting {
    private Accounting() {
    }

    /** {@code pagesMapped}: what the caller asked to be mapped, counted by the caller (e.g. the plan's pages). */
    public static void check(MapCounters c, long pagesMapped, String what) {
        assertEquals(pagesMapped, c.pagesMoved.sum() + c.pagesCopied.sum(), what + ": pages moved + copied = pages mapped");
        assertEquals(c.pagesMoved.sum(), c.moveRuns.pages(), what + ": MOVE run histogram pages = pages moved");
        assertEquals(c.pagesCopied.sum(), c.copyRuns.pages() + c.directPages.sum(),
                what + ": COPY run histogram pages + direct copies = pages copied");
        assertEquals(c.ioctls.sum() - c.failedIoctls.sum(), c.moveRuns.ioctls() + c.copyRuns.ioctls(),
                what + ": run histogram ioctls = ioctls that mapped");
        assertEquals(pagesMapped * PAGE_SIZE, c.pmdBytes() + c.pteRunBytes() + c.singlePageBytes() + c.copiedBytes(),
                what + ": bytes by class = bytes mapped");
    }
}
